using System.Diagnostics;
using TradingLog.Configuration;
using TradingLog.Correlation;
using TradingLog.OpenTelemetry.Logs;
using TradingLog.OpenTelemetry.Tests.Otlp;
using TradingLog.OpenTelemetry.Tests.Support;

namespace TradingLog.OpenTelemetry.Tests.Logs;

public sealed class OtlpExportTests
{
    [Theory]
    [InlineData(OtlpProtocolName.Grpc)]
    [InlineData(OtlpProtocolName.HttpProtobuf)]
    public async Task EventsReachTheReceiverWithResourceSeverityTraceCorrelationAndProperties(OtlpProtocolName protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var folder = new TempFolder();
        ActivityTraceId traceId;
        ActivitySpanId spanId;
        OtlpExportHealth health;
        using (var host = OtlpPipeline.Create("execution", folder, o =>
               {
                   o.Endpoint = protocol == OtlpProtocolName.Grpc ? receiver.GrpcEndpoint : receiver.HttpEndpoint;
                   o.Protocol = protocol;
                   o.Headers["x-api-key"] = "k-123";
                   o.ResourceAttributes["deployment.region"] = "eu-west";
               }))
        {
            health = host.Component<OtlpExportHealth>()!;
            using var activity = new Activity("order").Start();
            traceId = activity.TraceId;
            spanId = activity.SpanId;
            using (CorrelationContext.Begin("corr-42"))
            {
                host.Logger.Info("Order {OrderId} for {Quantity} {Symbol} accepted", "ord-1", 100, "AAPL");
                host.Logger.Warning("Order {OrderId} slow", "ord-1");
                host.Logger.Critical("Broker {Broker} unreachable", "primary");
            }

            await Eventually.TrueAsync(() => Task.FromResult(receiver.Records.Count >= 3), 30, "three records at the receiver");
        }

        var records = receiver.Records.ToList();
        Assert.Equal(3, records.Count);
        var (resource, info) = records.Single(r => r.Record.Body.StringValue.StartsWith("Order ord-1 for", StringComparison.Ordinal));
        Assert.Equal("execution", resource["service.name"].StringValue);
        Assert.Equal("trading", resource["service.namespace"].StringValue);
        Assert.Equal(Environment.MachineName, resource["host.name"].StringValue);
        Assert.True(Guid.TryParse(resource["service.instance.id"].StringValue, out _));
        Assert.Equal("production", resource["deployment.environment"].StringValue);
        Assert.Equal("eu-west", resource["deployment.region"].StringValue);

        Assert.Equal("Order \"ord-1\" for 100 \"AAPL\" accepted".Replace("\"", "", StringComparison.Ordinal), info.Body.StringValue);
        Assert.Equal(9, info.SeverityNumber);
        Assert.Equal(traceId.ToHexString(), Convert.ToHexStringLower(info.TraceId.ToByteArray()));
        Assert.Equal(spanId.ToHexString(), Convert.ToHexStringLower(info.SpanId.ToByteArray()));
        var attributes = info.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("corr-42", attributes["CorrelationId"].StringValue);
        Assert.Equal("ord-1", attributes["OrderId"].StringValue);
        Assert.Equal(100, attributes["Quantity"].IntValue);
        Assert.Equal("AAPL", attributes["Symbol"].StringValue);
        Assert.Equal("execution", attributes["Service"].StringValue);
        Assert.Equal(13, records.Single(r => r.Record.Body.StringValue.EndsWith("slow", StringComparison.Ordinal)).Record.SeverityNumber);
        Assert.Equal(21, records.Single(r => r.Record.Body.StringValue.Contains("unreachable", StringComparison.Ordinal)).Record.SeverityNumber);

        Assert.Equal(3, health.Sent);
        Assert.Equal(3, health.Delivered);
        Assert.Equal(0, health.Dropped);
        if (protocol == OtlpProtocolName.HttpProtobuf)
        {
            Assert.Contains(receiver.Headers, h => h.TryGetValue("x-api-key", out var key) && key == "k-123");
        }
    }

    [Fact]
    public void AnUnreachableCollectorCostsTheFilesNothingAndItsDropsAreCounted()
    {
        using var folder = new TempFolder();
        var closed = OtlpReceiver.FreePort();
        OtlpExportHealth health;
        using (var host = OtlpPipeline.Create("risk_management", folder, o =>
               {
                   o.Endpoint = new Uri($"http://127.0.0.1:{closed}");
                   o.Protocol = OtlpProtocolName.HttpProtobuf;
                   o.QueueLimit = 100;
               }))
        {
            health = host.Component<OtlpExportHealth>()!;
            for (var i = 0; i < 1000; i++)
            {
                host.Logger.Error("Limit check {Check} failed", i);
            }

            Assert.Equal(1000, health.Sent);
            Assert.True(health.Dropped >= 900, $"at most queue_limit (100) events wait; {health.Dropped} were dropped");
            Eventually.True(() => health.Failures > 0, 30, "the failed attempt is counted");
            Assert.Contains($"127.0.0.1:{closed}", health.LastError, StringComparison.Ordinal);
        }

        // Stopped: nothing is left pending; every event is either delivered (none here) or counted as dropped.
        Assert.Equal(0, health.Delivered);
        Assert.Equal(1000, health.Dropped);
        Assert.Equal(1000, File.ReadAllLines(folder["logs/risk_management.log"]).Count(l => l.Contains("Limit check", StringComparison.Ordinal)));
    }

    [Fact]
    public void EventsBelowTheExportLevelStayOutOfTheExport()
    {
        using var folder = new TempFolder();
        using var host = OtlpPipeline.Create("analytics", folder, o =>
        {
            o.Endpoint = new Uri($"http://127.0.0.1:{OtlpReceiver.FreePort()}");
            o.Level = Serilog.Events.LogEventLevel.Warning;
        });
        host.Logger.Info("P&L updated");
        host.Logger.Warning("P&L late");
        Assert.Equal(1, host.Component<OtlpExportHealth>()!.Sent);
    }

    [Fact]
    public void WithoutAnEndpointThereIsNoExport()
    {
        using var folder = new TempFolder();
        using var host = OtlpPipeline.Create("analytics", folder, _ => { });
        host.Logger.Info("P&L updated");
        Assert.Null(host.Component<OtlpExportHealth>());
    }
}
