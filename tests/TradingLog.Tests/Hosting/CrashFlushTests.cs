using TradingLog.Tests.Support;

namespace TradingLog.Tests.Hosting;

/// <summary>Without a database: an unhandled exception on another thread must not cost the files a line.</summary>
public sealed class CrashFlushTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(11)]
    [InlineData(5001)]
    public async Task FilesKeepEveryLineLoggedBeforeAnUnhandledExceptionOnAnotherThread(int events)
    {
        using var child = LogWriterProcess.Start("crash", _folder.Path, "none", events.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(134, child.ExitCode);
        foreach (var file in new[] { "logs/execution.log", "logs/trading.log" })
        {
            var lines = File.ReadAllLines(_folder[file]);
            Assert.Equal(events, lines.Count(l => l.Contains("before the crash", StringComparison.Ordinal)));
            Assert.Single(lines, l => l.StartsWith("CRITICAL | Unhandled System.InvalidOperationException on thread order-router", StringComparison.Ordinal));
        }

        var errors = File.ReadAllLines(_folder["logs/errors.log"]);
        Assert.Single(errors, l => l.StartsWith("ERROR | ", StringComparison.Ordinal));
        Assert.Single(errors, l => l.StartsWith("CRITICAL | ", StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException: order book corrupted", errors); // the exception follows its line
    }
}
