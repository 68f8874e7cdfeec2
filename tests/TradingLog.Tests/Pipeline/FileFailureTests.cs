using TradingLog.Tests.Support;

namespace TradingLog.Tests.Pipeline;

public sealed class FileFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void UnwritableFileNeverThrowsIsCountedAndRecoversWithoutLosingLines()
    {
        // A plain file where the folder should be makes the path unwritable, even for root.
        var blocker = _folder.Write("blocked", "not a folder");
        var sink = new CollectingSink();
        using var host = TestPipeline.Create("execution", _folder, s => s.Files.Errors = "blocked/errors.log", sink);

        for (var i = 0; i < 50; i++)
        {
            host.Logger.Error("failure {N}", i);
        }

        WaitUntil(() => host.Health.FileWriteFailures > 0);
        Assert.Equal(50, sink.Events.Count);
        WaitUntil(() => TestPipeline.Lines(_folder, "logs/trading.log").Length == 50);
        Assert.True(host.Health.FileLinesPending > 0);
        Assert.NotNull(host.Health.LastError);

        File.Delete(blocker);
        host.Logger.Error("after recovery");
        // The pending count drops just after the write lands, so wait for both.
        WaitUntil(() => TestPipeline.Lines(_folder, "blocked/errors.log").Length == 51 && host.Health.FileLinesPending == 0);
        Assert.Equal(0, host.Health.FileLinesDropped);
    }

    [Fact]
    public void LoggingCallsNeverThrowEvenForBadTemplatesAndThrowingValues()
    {
        using var host = TestPipeline.Create("execution", _folder);
        var ex = Record.Exception(() =>
        {
            host.Logger.Info("unclosed {brace", 1);
            host.Logger.Info("{A} {B} {C}", 1);
            host.Logger.Info("value {V}", new ThrowingToString());
            host.Logger.Info(null!);
            host.Logger.Trade(default);
        });
        Assert.Null(ex);
        host.Logger.Info("good event");
        host.Dispose();
        Assert.Contains(TestPipeline.Lines(_folder, "logs/trading.log"), l => l.EndsWith("good event", StringComparison.Ordinal));
        Assert.Contains(TestPipeline.Lines(_folder, "logs/trading.log"), l => l.EndsWith("value Capturing the property value threw an exception: InvalidOperationException", StringComparison.Ordinal));
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            Thread.Sleep(20);
        }
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("nope");
    }
}
