using Npgsql;
using Serilog.Events;
using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Schema;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Queries;

/// <summary>The read side against a real server: filters, paging, configured table names.</summary>
public sealed class LogQueriesTests
{
    private static readonly DateTime Start = DateTime.UtcNow.Date.AddHours(-2);

    /// <summary>25 logs a minute apart: services alternate execution / risk_management; every fifth is an ERROR about "50% fill".</summary>
    private static async Task<(Db Db, LogQueries Queries)> SeedAsync(string active = "system_logs", string archive = "archived_system_logs")
    {
        Db db;
        if (active == "system_logs")
        {
            db = new Db(await TestServer.CreateDatabaseAsync());
        }
        else
        {
            var info = await TestServer.InfoAsync();
            var name = "q_" + Guid.NewGuid().ToString("N");
            await new Db(info.ConnectionString("postgres")).ExecuteAsync($"CREATE DATABASE {name}");
            db = new Db(info.ConnectionString(name));
            await using var admin = NpgsqlDataSource.Create(db.ConnectionString);
            await SchemaMigrator.MigrateAsync(admin, new LogTables(active, archive), daysAhead: 1);
        }

        await db.ExecuteAsync($"""
            INSERT INTO {active} (timestamp, service, level, event_type, message, correlation_id, metadata)
            SELECT TIMESTAMPTZ '{Start:yyyy-MM-ddTHH:mm:ssZ}' + k * INTERVAL '1 minute',
                   CASE WHEN k % 2 = 0 THEN 'execution' ELSE 'risk_management' END,
                   CASE WHEN k % 5 = 0 THEN 'ERROR' ELSE 'INFO' END,
                   CASE WHEN k % 5 = 0 THEN 'order.rejected' ELSE 'order.placed' END,
                   CASE WHEN k % 5 = 0 THEN 'Order ' || k || ' at 50% fill rejected' ELSE 'Order ' || k || ' placed' END,
                   'trade_' || (k / 5),
                   jsonb_build_object('category', CASE WHEN k % 2 = 0 THEN 'Trading' ELSE 'Risk' END,
                                      'properties', jsonb_build_object('Symbol', CASE WHEN k % 3 = 0 THEN 'AAPL' ELSE 'MSFT' END))
            FROM generate_series(0, 24) k
            """);
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = db.ConnectionString;
        settings.Database.ActiveTable = active;
        settings.Database.ArchiveTable = archive;
        return (db, LogQueries.Open(await LogDatabase.ConnectAsync(settings, Path.GetTempPath())));
    }

    [Fact]
    public async Task TextIsMatchedLiterallySoPercentIsNotAWildcard()
    {
        var (_, queries) = await SeedAsync();
        await using var read = queries;

        var rows = await queries.LogsAsync(new LogFilter { Text = "%" }, 100);

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Contains("50% fill", r.Message, StringComparison.Ordinal));
        Assert.Equal(5, (await queries.LogsAsync(new LogFilter { Text = "50% FILL" }, 100)).Count);
        Assert.Empty(await queries.LogsAsync(new LogFilter { Text = "_" }, 100));
    }

    [Fact]
    public async Task FiltersCombineServiceLevelCategoryEventTypeCorrelationAndAProperty()
    {
        var (_, queries) = await SeedAsync();
        await using var read = queries;

        Assert.Equal(13, await queries.CountAsync(new LogFilter { Services = ["execution"] }));
        Assert.Equal(5, await queries.CountAsync(new LogFilter { MinimumLevel = LogEventLevel.Warning }));
        Assert.Equal(12, await queries.CountAsync(new LogFilter { Category = LogCategory.Risk }));
        Assert.Equal(5, await queries.CountAsync(new LogFilter { EventType = "order.rejected" }));
        Assert.Equal(5, await queries.CountAsync(new LogFilter { CorrelationId = "trade_2" }));
        Assert.Equal(9, await queries.CountAsync(new LogFilter { PropertyName = "Symbol", PropertyValue = "AAPL" }));
        // k in 0..24 with k % 2 = 0 (execution), k % 5 = 0 (ERROR) and k % 3 = 0 (AAPL): 0 only.
        Assert.Equal(1, await queries.CountAsync(new LogFilter
        {
            Services = ["execution"], MinimumLevel = LogEventLevel.Error, PropertyName = "Symbol", PropertyValue = "AAPL",
        }));
        Assert.Equal(10, await queries.CountAsync(new LogFilter { From = Start.AddMinutes(5), To = Start.AddMinutes(15) }));
    }

    [Fact]
    public async Task PagesGoNewestFirstWithoutGapsOrRepeats()
    {
        var (_, queries) = await SeedAsync();
        await using var read = queries;
        var seen = new List<LogEntry>();
        LogEntry? cursor = null;
        var pages = 0;
        while (true)
        {
            var page = await queries.LogsAsync(new LogFilter(), 10, cursor);
            if (page.Count == 0)
            {
                break;
            }

            pages++;
            seen.AddRange(page);
            cursor = page[^1];
        }

        Assert.Equal(3, pages);
        Assert.Equal(25, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(r => r.Timestamp).Select(r => r.Id), seen.Select(r => r.Id));
        Assert.Equal(Start.AddMinutes(24), seen[0].Timestamp.UtcDateTime);
    }

    [Fact]
    public async Task TheConfiguredTableNamesAreRead()
    {
        var (_, queries) = await SeedAsync("desk_logs", "desk_logs_archive");
        await using var read = queries;

        var stats = await queries.ErrorRatesAsync(new LogFilter());

        Assert.Equal(["execution", "risk_management"], stats.Select(s => s.Service));
        Assert.Equal(25, stats.Sum(s => s.Events));
        Assert.Equal(5, stats.Sum(s => s.Errors));
        var (logs, _) = await queries.TraceAsync("trade_0");
        Assert.Equal(5, logs.Count);
    }

    [Fact]
    public async Task TraceReadsTheArchiveToo()
    {
        var (db, queries) = await SeedAsync();
        await using var read = queries;
        await db.ExecuteAsync("""
            INSERT INTO archived_system_logs (timestamp, service, level, message, correlation_id)
            VALUES (now() - interval '40 days', 'execution', 'INFO', 'an old step', 'trade_1')
            """);

        var (logs, trades) = await queries.TraceAsync("trade_1");

        Assert.Equal(6, logs.Count);
        Assert.True(logs[0].Archived);
        Assert.Equal("an old step", logs[0].Message);
        Assert.Empty(trades);
    }
}
