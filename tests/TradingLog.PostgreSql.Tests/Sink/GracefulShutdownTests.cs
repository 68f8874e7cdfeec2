using System.Diagnostics;
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
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "TradingLog.Tests.LogWriter.dll"), "db", _folder.Path, db.ConnectionString, "20000" })
        {
            info.ArgumentList.Add(arg);
        }

        using var child = Process.Start(info)!;
        var ready = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("ready", ready);

        using (var kill = Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(20_000, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'before the signal%'"));
    }
}
