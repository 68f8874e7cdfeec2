using TradingLog.Patterns.Assignment;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

public sealed class PatternStorageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EventsOfOneMessageTemplateShareItsPatternAndTheTemplateIsRecorded()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            host.Logger.Info("Order {OrderId} placed for {Symbol}", 42, "AAPL");
            host.Logger.Info("Order {OrderId} placed for {Symbol}", 43, "MSFT");
            host.Logger.Info("Position {Symbol} closed", "AAPL");
        }

        var rows = await db.QueryAsync("SELECT pattern_id FROM system_logs ORDER BY id");
        Assert.Equal(3, rows.Count);
        Assert.Equal(PatternIds.Of("Order {OrderId} placed for {Symbol}"), rows[0]["pattern_id"]);
        Assert.Equal(rows[0]["pattern_id"], rows[1]["pattern_id"]);
        Assert.NotEqual(rows[0]["pattern_id"], rows[2]["pattern_id"]);
        var pattern = Assert.Single(await db.QueryAsync($"SELECT * FROM tradelog_patterns WHERE pattern_id = {rows[0]["pattern_id"]}"));
        Assert.Equal(("execution", "Order {OrderId} placed for {Symbol}", "template", "Order 42 placed for AAPL"),
            (pattern["service"], pattern["template"], pattern["source"], pattern["example"]));
        Assert.True((DateTime)pattern["first_seen"]! <= (DateTime)pattern["last_seen"]!);
    }

    [Fact]
    public async Task InterpolatedMessagesAreMinedIntoOnePatternPerKind()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            for (var i = 0; i < 20; i++)
            {
                host.Logger.Info($"Filled order ord-{1000 + i} at {100.5 + i} in {3 + i} ms");
                host.Logger.Warning($"Connection to 10.0.0.{i}:443 reset after {i} retries");
            }
        }

        var patterns = await db.QueryAsync("""
            SELECT COALESCE(p.merged_into, l.pattern_id) AS pattern, count(*) AS events, min(p.template) AS template, min(p.source) AS source
            FROM system_logs l JOIN tradelog_patterns p ON p.pattern_id = l.pattern_id AND p.service = l.service
            GROUP BY 1 ORDER BY min(l.id)
            """);
        Assert.Equal([20L, 20L], patterns.Select(p => p["events"]));
        Assert.All(patterns, p => Assert.Equal("mined", p["source"]));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM system_logs WHERE pattern_id IS NULL"));
    }

    [Fact]
    public async Task AMinedTemplateThatBecomesMoreGeneralLeadsItsEarlierEventsToTheNewOne()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("data_ingestion", db.ConnectionString, _folder, s => s.Database.BatchSize = 1))
        {
            // The first line is a template of its own; the second differs in one word and makes that word a wildcard.
            host.Logger.Info("Connected feed alpha to primary gateway");
            host.Logger.Info("Connected feed beta to primary gateway");
            host.Logger.Info("Connected feed gamma to primary gateway");
        }

        var ids = (await db.QueryAsync("SELECT pattern_id FROM system_logs ORDER BY id")).Select(r => (long)r["pattern_id"]!).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids[1], ids[2]);
        var first = Assert.Single(await db.QueryAsync($"SELECT merged_into, template FROM tradelog_patterns WHERE pattern_id = {ids[0]}"));
        Assert.Equal(ids[1], first["merged_into"]);
        var general = Assert.Single(await db.QueryAsync($"SELECT template FROM tradelog_patterns WHERE pattern_id = {ids[1]}"));
        Assert.Equal("Connected feed <*> to primary gateway", general["template"]);

        // The search finds the pattern's events under either ID, as the Patterns page's link asks for them.
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db.ConnectionString);
        await using var queries = new TradingLog.PostgreSql.Queries.LogQueries(dataSource, TradingLog.PostgreSql.Schema.LogTables.Default);
        Assert.Equal(3, await queries.CountAsync(new TradingLog.PostgreSql.Queries.LogFilter { PatternId = ids[1] }));
    }

    [Fact]
    public async Task APatternBackAfterAQuietHourRecordsItsReturn()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var earlier = DateTimeOffset.UtcNow.AddHours(-3);
        using (var host = DatabasePipeline.Create("risk_management", db.ConnectionString, _folder, s => s.Database.BatchSize = 1))
        {
            host.Logger.Serilog.Write(new Serilog.Events.LogEvent(earlier, Serilog.Events.LogEventLevel.Warning, null,
                new Serilog.Parsing.MessageTemplateParser().Parse("Limit {Limit} breached"), []));
            host.Logger.Warning("Limit {Limit} breached", "gross");
        }

        var pattern = Assert.Single(await db.QueryAsync("SELECT returned_at, quiet_before_return FROM tradelog_patterns"));
        Assert.NotNull(pattern["returned_at"]);
        Assert.True((TimeSpan)pattern["quiet_before_return"]! >= TimeSpan.FromHours(2.9));
    }

    [Fact]
    public async Task ATemplateOfHolesAloneIsMinedLikeFreeText()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            host.Logger.Error("{Message}", "Venue route missing for AAPL, order 17 dropped");
            host.Logger.Error("{Message}", "Venue route missing for MSFT, order 18 dropped");
            host.Logger.Error("{Message}", "Heartbeat to exchange gateway timed out");
        }

        var patterns = await db.QueryAsync("""
            SELECT min(p.template) AS template, count(*) AS events FROM system_logs l
            JOIN tradelog_patterns p ON p.pattern_id = l.pattern_id AND p.service = l.service
            GROUP BY COALESCE(p.merged_into, l.pattern_id) ORDER BY 2 DESC
            """);
        Assert.Equal(2, patterns.Count);
        Assert.Equal(2L, patterns[0]["events"]);
        Assert.DoesNotContain(patterns, p => (string)p["template"]! == "{Message}");
    }
}
