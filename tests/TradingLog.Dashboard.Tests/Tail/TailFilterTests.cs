using TradingLog.Dashboard.Tail;
using TradingLog.Dashboard.Tests.Support;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Tests.Tail;

/// <summary>
/// The live tail filters in memory what the search filters in SQL: for every kind of term, both must pick the same events
/// of the demo's store.
/// </summary>
[Collection(DemoStoreCollection.Name)]
public sealed class TailFilterTests(DemoStore store)
{
    [Theory]
    [InlineData("service:execution")]
    [InlineData("service:execution,risk_management level>=WARNING")]
    [InlineData("level:ERROR")]
    [InlineData("level>INFO")]
    [InlineData("category:trading")]
    [InlineData("type:trade")]
    [InlineData("symbol:AAPL")]
    [InlineData("Symbol=MSFT level>=INFO")]
    [InlineData("\"placing order\"")]
    [InlineData("regex:\"^Trade trade_[0-9]+_[0-9]+ (BUY|SELL)\"")]
    [InlineData("side:BUY service:strategy_engine")]
    public async Task TheLiveFilterPicksTheSameEventsAsTheSearch(string search)
    {
        await using var queries = LogQueries.Open(await LogDatabase.ConnectRunningAsync(store.Settings, store.Folder));
        var all = await queries.LogsAsync(new LogFilter(), 10_000, withMetadata: true);
        var fromSql = (await queries.LogsAsync(LogFilterSyntax.Parse(search), 10_000)).Select(e => e.Id).Order().ToList();

        var filter = new TailFilter(LogFilterSyntax.Parse(search));
        var inMemory = all.Where(e => filter.Matches(new TailEvent(e))).Select(e => e.Id).Order().ToList();

        Assert.NotEmpty(fromSql);
        Assert.Equal(fromSql, inMemory);
    }
}
