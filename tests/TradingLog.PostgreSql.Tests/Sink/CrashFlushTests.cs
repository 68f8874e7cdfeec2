using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

/// <summary>An exception no code catches ends the process; what was logged before it must survive in files and rows.</summary>
public sealed class CrashFlushTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(11, false)]
    [InlineData(5001, false)]
    [InlineData(5001, true)]
    public async Task EventsLoggedBeforeAnUnhandledExceptionOnAnotherThreadAreStored(int events, bool hosted)
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        string[] args = ["crash", _folder.Path, db.ConnectionString, events.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        using var child = LogWriterProcess.Start(hosted ? [.. args, "hosted"] : args);
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(134, child.ExitCode); // SIGABRT: the runtime ended the process for the unhandled exception
        var spooled = Directory.Exists(_folder[".tradelog/spool"]) ? Directory.GetFiles(_folder[".tradelog/spool"], "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(0, spooled);
        Assert.Equal(events, await db.CountAsync("SELECT count(DISTINCT metadata->'properties'->>'N') FROM system_logs WHERE message LIKE 'before the crash%'"));
        Assert.Equal(1, await db.CountAsync(
            "SELECT count(*) FROM system_logs WHERE level = 'CRITICAL' AND event_type = 'crash' AND message LIKE '%InvalidOperationException%order-router%'"));
        var lines = File.ReadAllLines(_folder["logs/execution.log"]);
        Assert.Equal(events, lines.Count(l => l.Contains("before the crash", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("CRITICAL | Unhandled System.InvalidOperationException on thread order-router", StringComparison.Ordinal));
    }
}
