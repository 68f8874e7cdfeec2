using TradingLog.PostgreSql.Schema;
using TradingLog.PostgreSql.Server;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

public sealed class OutageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ServerStoppedMidStreamAndRestartedLosesAndDuplicatesNothing()
    {
        var server = new EmbeddedPostgres(_folder["pgdata"]);
        var info = await server.StartAsync();
        var db = new Db(info.ConnectionString());
        const int total = 3000;
        try
        {
            using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.BatchSize = 100))
            {
                var metrics = host.Component<DatabaseSinkMetrics>()!;
                for (var i = 0; i < total; i++)
                {
                    host.Logger.Info("event {N}", i);
                    if (i == 1000)
                    {
                        await Eventually.TrueAsync(() => Task.FromResult(metrics.Written > 0));
                        await server.StopAsync();
                    }

                    if (i == 2000)
                    {
                        await Eventually.TrueAsync(() => Task.FromResult(metrics.Spooled > 0));
                        await server.StartAsync();
                    }

                    if (i % 100 == 0)
                    {
                        await Task.Delay(5);
                    }
                }

                await Eventually.TrueAsync(() => Task.FromResult(metrics.Queued == 0 && metrics.SpoolPending == 0));
                Assert.True(metrics.Spooled > 0, "the outage should have spooled batches");
                Assert.True(metrics.Replayed > 0, "the spool should have been replayed");
                Assert.Equal(0, metrics.Dropped);
            }

            Assert.Equal(total, await db.CountAsync("SELECT count(*) FROM system_logs"));
            Assert.Equal(total, await db.CountAsync("SELECT count(DISTINCT event_id) FROM system_logs"));
            Assert.Equal(total, await db.CountAsync("SELECT count(DISTINCT metadata->'properties'->>'N') FROM system_logs"));
        }
        finally
        {
            await server.StopAsync();
        }
    }

    [Fact]
    public async Task ShutdownDuringAnOutageKeepsEventsInTheSpoolAndTheNextStartStoresThem()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2";
        using (var host = DatabasePipeline.Create("execution", unreachable, _folder))
        {
            for (var i = 0; i < 500; i++)
            {
                host.Logger.Info("during outage {N}", i);
            }

            host.Dispose();
            var metrics = host.Component<DatabaseSinkMetrics>()!;
            Assert.Equal(500, metrics.SpoolPending);
            Assert.Equal(0, metrics.Written);
            Assert.NotNull(metrics.LastError);
        }

        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            await Eventually.TrueAsync(async () => await db.CountAsync("SELECT count(*) FROM system_logs") == 500);
            host.Logger.Info("after restart");
        }

        Assert.Equal(501, await db.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Empty(Directory.GetFiles(_folder[".tradelog/spool/execution"], "*.batch"));
    }

    [Fact]
    public async Task ReplayOfABatchWhoseCommitWasNotAcknowledgedStoresNothingTwice()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var encoder = new LogEventEncoder(32_000, structured: true);
        var batch = Enumerable.Range(0, 50)
            .Select(i => encoder.Encode(new Serilog.Events.LogEvent(DateTimeOffset.UtcNow, Serilog.Events.LogEventLevel.Information, null,
                new Serilog.Parsing.MessageTemplateParser().Parse("committed {N}"),
                [new Serilog.Events.LogEventProperty("N", new Serilog.Events.ScalarValue(i)), new Serilog.Events.LogEventProperty(LogProperties.Service, new Serilog.Events.ScalarValue("execution"))])))
            .ToList();

        // The COPY commits, then the acknowledgement is lost: the sink spooled the batch although it is stored.
        await using (var dataSource = LogDatabase.CreateDataSource(db.ConnectionString))
        {
            await new CopyBatchWriter(dataSource, LogTables.Default).WriteAsync(batch, deduplicate: false, CancellationToken.None);
        }

        new BatchSpool(_folder[".tradelog/spool/execution"], long.MaxValue, new DatabaseSinkMetrics()).Append(batch);
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            host.Logger.Info("next event");
        }

        Assert.Equal(51, await db.CountAsync("SELECT count(*) FROM system_logs"));
        Assert.Equal(50, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'committed%'"));
    }

    [Fact]
    public async Task FullQueueInDropModeCountsEveryDroppedEvent()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        DatabaseSinkMetrics metrics;
        const int total = 20_000;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s =>
               {
                   s.Database.QueueCapacity = 10;
                   s.Database.QueueFullMode = TradingLog.Pipeline.QueueFullMode.Drop;
                   s.Files.Main = s.Files.System = "";
               }))
        {
            metrics = host.Component<DatabaseSinkMetrics>()!;
            for (var i = 0; i < total; i++)
            {
                host.Logger.Info("burst {N}", i);
            }
        }

        Assert.True(metrics.Dropped > 0, "a queue of 10 should overflow");
        Assert.Equal(total, metrics.Written + metrics.Dropped);
        Assert.Equal(metrics.Written, await db.CountAsync("SELECT count(*) FROM system_logs"));
    }
}
