using TradingLog.PostgreSql.Schema;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Schema;

/// <summary>The migrations are history and are never edited; these tests hold them to the one column definition the code uses.</summary>
public sealed class LogColumnsTests
{
    public static TheoryData<string> Tables => ["system_logs", "archived_system_logs", "trading_logs", "performance_logs"];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task MigratedTablesHaveExactlyTheDefinedColumnsTypesAndWidths(string table)
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var defined = table switch
        {
            "trading_logs" => LogColumns.Trade,
            "performance_logs" => LogColumns.Performance,
            _ => LogColumns.System,
        };

        var rows = await db.QueryAsync($"""
            SELECT column_name, data_type, character_maximum_length FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position
            """);
        var actual = rows
            .Where(r => !LogColumns.Generated.Contains((string)r["column_name"]!))
            .Select(r => new LogColumn((string)r["column_name"]!, (string)r["data_type"]!, r["character_maximum_length"] is int width ? width : null))
            .OrderBy(c => c.Name, StringComparer.Ordinal);

        Assert.Equal(defined.OrderBy(c => c.Name, StringComparer.Ordinal), actual);
    }

    [Fact]
    public async Task AValueLongerThanItsColumnIsCutToTheDefinedWidthAndFlagged()
    {
        using var folder = new TempFolder();
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var width = LogColumns.Symbol.MaxLength;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, folder))
        {
            host.ForContext<LogColumnsTests>().Trade(new TradeRecord
            {
                TradeId = "T-1", Symbol = new string('S', width + 5), Side = "BUY", Quantity = 1, Price = 2m, Status = "FILLED",
            });
        }

        var rows = await db.QueryAsync("SELECT t.symbol, s.metadata->>'truncated' AS truncated FROM trading_logs t JOIN system_logs s USING (event_id)");
        Assert.Equal(new string('S', width), Assert.Single(rows)["symbol"]);
        Assert.Contains("symbol", (string)rows[0]["truncated"]!, StringComparison.Ordinal);
    }
}
