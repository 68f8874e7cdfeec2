using TradingLog.Tests.Support;

namespace TradingLog.Tests.Pipeline;

/// <summary>An event logged while the pipeline stops reaches every sink or none.</summary>
public sealed class StopGateTests
{
    [Fact]
    public void EventsLoggedDuringAStopReachEverySinkOrNone()
    {
        for (var round = 0; round < 5; round++)
        {
            using var folder = new TempFolder();
            var sink = new CollectingSink();
            var host = TestPipeline.Create("execution", folder, s => s.Format = "{message}", sink);
            var logged = 0;
            var producer = new Thread(() =>
            {
                for (var i = 0; i < 200_000; i++)
                {
                    host.Logger.Info("event {N}", i);
                    Volatile.Write(ref logged, i + 1);
                }
            });
            producer.Start();
            SpinWait.SpinUntil(() => Volatile.Read(ref logged) >= 2_000);
            host.Dispose(); // while the producer is still logging
            producer.Join();

            var lines = File.ReadAllLines(folder["logs/execution.log"]);
            Assert.Equal(sink.Events.Count, lines.Length);
            Assert.Equal(logged, lines.Length + host.Health.DroppedAfterStop);
            Assert.True(lines.Length >= 2_000, $"{lines.Length} lines: the events before the stop are all written");
            Assert.True(host.Health.DroppedAfterStop > 0, "the stop should have come while the producer logged");
        }
    }
}
