using System.Net;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Api;

/// <summary>The Patterns page's API and the forecast API over the demo's store.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class PatternApiTests(DemoStore store)
{
    [Fact]
    public async Task PatternsOfTheDemoAreListedWithTheirTrendAndASearchForTheirEvents()
    {
        var body = await store.GetJsonAsync("api/patterns?range=1h");
        var patterns = body.GetProperty("patterns").EnumerateArray().ToList();
        var ticks = Assert.Single(patterns, p => p.GetProperty("template").GetString() == "Tick {Symbol} {Price:F2}");
        Assert.Equal("data_ingestion", ticks.GetProperty("service").GetString());
        Assert.Equal(ticks.GetProperty("events").GetInt64(), ticks.GetProperty("trend").EnumerateArray().Sum(b => b.GetInt64()));
        Assert.True(ticks.GetProperty("events").GetInt64() > 100);
        Assert.StartsWith("Tick ", ticks.GetProperty("example").GetString(), StringComparison.Ordinal);

        // The search the page links to finds exactly that pattern's events.
        var search = ticks.GetProperty("search").GetString()!;
        var events = await store.GetJsonAsync($"api/events?range=1h&limit=50&q={Uri.EscapeDataString(search)}");
        var messages = events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.StartsWith("Tick ", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyNewPatternsOfOneServiceCanBeAskedFor()
    {
        var body = await store.GetJsonAsync("api/patterns?range=1h&service=execution&new=true");
        var patterns = body.GetProperty("patterns").EnumerateArray().ToList();
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.Equal("execution", p.GetProperty("service").GetString()));
        Assert.All(patterns, p => Assert.True(p.GetProperty("is_new").GetBoolean()));
    }

    [Fact]
    public async Task AForecastRuleShowsItsMeasuredSeriesAndItsForecastWithABand()
    {
        // As of the demo's last P&L update: the rule's window (5 s) ends there, and there is data in it.
        var newest = await store.GetJsonAsync("api/events?range=1h&limit=1&q=" + Uri.EscapeDataString("service:analytics \"update_pnl took\""));
        var at = newest.GetProperty("events")[0].GetProperty("timestamp").GetDateTimeOffset().AddSeconds(1);
        var body = await store.GetJsonAsync($"api/alerts/forecast?rule=pnl_latency_forecast&to={Uri.EscapeDataString(at.ToString("O"))}&from=" +
            Uri.EscapeDataString(at.AddHours(-1).ToString("O")));
        Assert.Equal("ms", body.GetProperty("unit").GetString());
        Assert.True(body.GetProperty("points").GetArrayLength() > 0);
        var forecast = body.GetProperty("forecast").EnumerateArray().ToList();
        Assert.NotEmpty(forecast);
        Assert.All(forecast, f => Assert.True(f[2].GetDouble() <= f[1].GetDouble() && f[1].GetDouble() <= f[3].GetDouble()));
    }

    [Fact]
    public async Task ForecastOfARuleThatIsNoForecastIsRefusedByName()
    {
        using var response = await store.Http.GetAsync(new Uri(store.Url + "api/alerts/forecast?rule=feed_gap"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'feed_gap' is a absence rule, not a forecast rule", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
