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

        Eventually.True(() => host.Health.FileWriteFailures > 0);
        Assert.Equal(50, sink.Events.Count);
        Eventually.True(() => TestPipeline.Lines(_folder, "logs/trading.log").Length == 50);
        Assert.True(host.Health.FileLinesPending > 0);
        Assert.NotNull(host.Health.LastError);

        File.Delete(blocker);
        host.Logger.Error("after recovery");
        // The pending count drops just after the write lands, so wait for both.
        Eventually.True(() => TestPipeline.Lines(_folder, "blocked/errors.log").Length == 51 && host.Health.FileLinesPending == 0);
        Assert.Equal(0, host.Health.FileLinesDropped);
    }

    [Fact]
    public void UnwritableFileIsNamedOnStandardErrorAtStartOnceAndWhenItRecovers()
    {
        var blocker = _folder.Write("blocked", "not a folder");
        var errors = new StringWriter();
        var path = _folder["blocked/errors.log"];
        using var host = TestPipeline.Create("execution", _folder, s => s.Files.Errors = "blocked/errors.log", options: o => o.FailureOutput = errors);

        // Reported before anything is logged, with the full path and the operating system's error.
        Assert.Equal(path, Assert.Single(host.Health.UnwritableFiles).Key);
        var first = Assert.Single(Lines(errors));
        Assert.StartsWith($"TradingLog: cannot write {path}: ", first, StringComparison.Ordinal);
        Assert.Contains(host.Health.UnwritableFiles[path], first, StringComparison.Ordinal);

        for (var i = 0; i < 30; i++)
        {
            host.Logger.Error("failure {N}", i);
            Thread.Sleep(5);
        }

        Eventually.True(() => TestPipeline.Lines(_folder, "logs/trading.log").Length == 30 && host.Health.FileWriteFailures > 1);
        Assert.Single(Lines(errors)); // one warning per file, however many batches fail

        File.Delete(blocker);
        host.Logger.Error("after recovery");
        Eventually.True(() => TestPipeline.Lines(_folder, "blocked/errors.log").Length == 31 && host.Health.UnwritableFiles.Count == 0);
        Assert.Equal($"TradingLog: {path} can be written again; its pending lines were written.", Lines(errors)[1]);
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("nope");
    }
}
