using System.Diagnostics.Metrics;
using TradingLog.Diagnostics;
using TradingLog.OpenTelemetry.Tests.Support;

namespace TradingLog.OpenTelemetry.Tests.Metrics;

public sealed class TwoPipelinesTests
{
    [Fact]
    public void TwoPipelinesOfOneServiceInOneProcessAddUpAndAStoppedOneKeepsItsCountSoTheCounterNeverFalls()
    {
        using var folder = new TempFolder();
        var service = "svc_" + Guid.NewGuid().ToString("N")[..8];
        using var first = OtlpPipeline.Create(service, folder, _ => { });
        using var secondFolder = new TempFolder();
        var second = OtlpPipeline.Create(service, secondFolder, _ => { });
        first.Logger.Error("Reject {OrderId}", 1);
        second.Logger.Error("Reject {OrderId}", 2);
        second.Logger.Error("Reject {OrderId}", 3);

        Assert.Equal(3, ErrorsOf(service));
        second.Dispose();
        Assert.Equal(3, ErrorsOf(service));
        first.Logger.Error("Reject {OrderId}", 4);
        Assert.Equal(4, ErrorsOf(service));
    }

    /// <summary>What a listener of TradingLog's meters reads now for the service's ERROR events.</summary>
    private static long ErrorsOf(string service)
    {
        long total = 0;
        var readings = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TradingLogInstruments.MeterName && instrument.Name == TradingLogInstruments.Events)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var t = tags.ToArray();
            if (t.Contains(new KeyValuePair<string, object?>("service", service)) && t.Contains(new KeyValuePair<string, object?>("level", "ERROR")))
            {
                total += value;
                readings++;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        Assert.Equal(1, readings); // one series per service and level, however many pipelines
        return total;
    }
}
