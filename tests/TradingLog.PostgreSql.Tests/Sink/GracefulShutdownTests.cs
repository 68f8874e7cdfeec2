using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

public sealed class GracefulShutdownTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SigtermFlushesEveryQueuedEventToTheDatabase()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using var child = LogWriterProcess.Start("db", _folder.Path, db.ConnectionString, "20000");
        var ready = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("ready", ready);

        await LogWriterProcess.SignalAsync("TERM", child.Id);

        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(20_000, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'before the signal%'"));
    }
}
