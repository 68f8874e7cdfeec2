using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using TradingLog.Diagnostics;
using TradingLog.OpenTelemetry.Logs;

namespace TradingLog.OpenTelemetry.Tests.Logs;

public sealed class OtlpLogSinkTests
{
    [Fact]
    public async Task EventsTheExporterGaveUpOnAreCountedLostAndTheExportTakesEventsAgain()
    {
        var health = new OtlpExportHealth { Endpoint = new Uri("http://127.0.0.1:9"), QueueLimit = 5 };
        var swallowing = new Swallowing(); // an exporter whose batches never arrive and are given up
        using var sink = new OtlpLogSink(swallowing, health, new TradingLogHealth(), queueLimit: 5, LogEventLevel.Verbose,
            TimeSpan.FromSeconds(1), giveUpAfter: TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 8; i++)
        {
            sink.Emit(Event());
        }

        Assert.Equal((8, 5, 3), (health.Sent, health.Pending, health.Dropped)); // three refused at the queue limit
        await Eventually.TrueAsync(() => Task.FromResult(health.Pending == 0), 10, "what was given up is counted lost");
        Assert.Equal(8, health.Dropped);
        sink.Emit(Event());
        Assert.Equal((9, 1, 6), (health.Sent, health.Pending, swallowing.Count)); // taken again
        Assert.Equal(health.Sent, health.Delivered + health.Dropped + health.Pending);
    }

    [Fact]
    public void DeliveriesNeverCountPastWhatWasHandedOver()
    {
        var health = new OtlpExportHealth { Endpoint = new Uri("http://127.0.0.1:9") };
        health.AddSent();
        health.AddHanded();
        Assert.Equal(1, health.AddDelivered(3)); // a retried batch accepted twice counts once
        Assert.Equal(0, health.AddDelivered(1));
        Assert.Equal((1, 1, 0), (health.Sent, health.Delivered, health.Pending));
    }

    [Theory]
    [InlineData("http://c:4318", false, "logs", "http://c:4318/v1/logs")]
    [InlineData("http://c:4318/", false, "metrics", "http://c:4318/v1/metrics")]
    [InlineData("http://c:4318/v1/logs", false, "metrics", "http://c:4318/v1/metrics")]
    [InlineData("http://c:4318/otlp", false, "logs", "http://c:4318/otlp/v1/logs")]
    [InlineData("https://vendor.example/otlp/v1/metrics", false, "logs", "https://vendor.example/otlp/v1/logs")]
    [InlineData("http://c:4317", true, "logs", "http://c:4317/")]
    public void AnHttpEndpointIsABaseToWhichEachSignalsPathIsAdded(string endpoint, bool grpc, string signal, string expected) =>
        Assert.Equal(expected, OtlpExtension.SignalEndpoint(new Uri(endpoint), grpc, signal));

    private static LogEvent Event() =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("Order filled"), []);

    private sealed class Swallowing : ILogEventSink
    {
        public int Count { get; private set; }

        public void Emit(LogEvent logEvent) => Count++;
    }
}
