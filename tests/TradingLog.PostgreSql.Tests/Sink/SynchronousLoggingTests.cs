using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

/// <summary><c>async_logging: false</c>: the call returns once its event is stored.</summary>
public sealed class SynchronousLoggingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EachEventIsCommittedBeforeTheCallReturns()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.AsyncLogging = false);

        for (var i = 1; i <= 5; i++)
        {
            host.Logger.Info("synchronous {N}", i);
            Assert.Equal(i, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'synchronous %'"));
        }
    }

    [Fact]
    public void WithTheDatabaseAwayEachEventIsSpooledBeforeTheCallReturns()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2";
        using var host = DatabasePipeline.Create("execution", unreachable, _folder, s => s.Database.AsyncLogging = false);
        var metrics = host.Component<DatabaseSinkMetrics>()!;

        host.Logger.Info("spooled {N}", 1);
        Assert.Equal(1, metrics.SpoolPending);
        host.Logger.Info("spooled {N}", 2);
        Assert.Equal(2, metrics.SpoolPending);
    }
}
