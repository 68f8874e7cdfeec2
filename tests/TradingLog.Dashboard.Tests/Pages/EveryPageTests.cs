using OpenQA.Selenium;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Pages;

/// <summary>Every page in real Chromium over the demo's store: it loads, logs no console error, and its charts drew data.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class EveryPageTests(DemoStore store) : IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Theory]
    [InlineData("explore", 3)]
    [InlineData("performance", 4)]
    [InlineData("trades", 3)]
    [InlineData("map", 1)]
    public void PageLoadsWithoutConsoleErrorsAndEveryChartDrawsData(string page, int charts)
    {
        _browser.Open(store.Url + "#/" + page);

        Assert.Empty(_browser.ConsoleErrors());
        Assert.Empty(_browser.Driver.FindElement(By.Id("problem")).Text);
        var drawn = _browser.Driver.FindElements(By.CssSelector("#page .chart"));
        Assert.Equal(charts, drawn.Count);
        Assert.All(drawn, c => Assert.True(int.Parse(c.GetAttribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture) > 0,
            $"a chart of {page} drew nothing"));
        Assert.All(drawn, c => Assert.NotEmpty(c.FindElements(By.TagName("canvas"))));
        _browser.Screenshot(page);
    }

    [Fact]
    public void HealthPageShowsEveryServiceAndEachProcesssSinkHealthFromItsHeartbeats()
    {
        _browser.Open(store.Url + "#/health");

        Assert.Empty(_browser.ConsoleErrors());
        var cards = _browser.Driver.FindElements(By.CssSelector("#health-services .card"));
        var services = cards.Select(c => c.GetAttribute("data-service")).ToList();
        Assert.Superset(new HashSet<string?>(["data_ingestion", "strategy_engine", "execution", "risk_management", "analytics", "notification"]),
            services.ToHashSet());
        Assert.All(cards, c => Assert.Single(c.FindElements(By.CssSelector(".status.green, .status.amber, .status.red"))));
        var processRows = _browser.Driver.FindElements(By.XPath("//section[h2[starts-with(., 'Sink health')]]//tbody/tr"));
        Assert.True(processRows.Count >= 6, $"{processRows.Count} processes reported heartbeats");
        _browser.Screenshot("health");
    }

    [Fact]
    public async Task TradeTimelineShowsEveryServiceTheTradePassedThroughOnOneAxis()
    {
        var trades = await store.GetJsonAsync("api/trades?status=FILLED&limit=1");
        var trade = trades.GetProperty("trades")[0].GetProperty("trade_id").GetString()!;

        _browser.Open(store.Url + "#/trace/" + Uri.EscapeDataString(trade));

        Assert.Empty(_browser.ConsoleErrors());
        var chart = _browser.Driver.FindElement(By.CssSelector("#page .chart"));
        Assert.True(int.Parse(chart.GetAttribute("data-lanes")!, System.Globalization.CultureInfo.InvariantCulture) >= 3, "fewer than 3 services");
        Assert.True(int.Parse(chart.GetAttribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Assert.Contains(trade, _browser.Driver.FindElement(By.Id("trace-title")).Text, StringComparison.Ordinal);
        _browser.Screenshot("trace");
    }

    [Fact]
    public async Task FailedTradesTimelineHighlightsTheFailingStep()
    {
        var trades = await store.GetJsonAsync("api/trades?status=FAILED&limit=1");
        var trade = trades.GetProperty("trades")[0].GetProperty("trade_id").GetString()!;

        _browser.Open(store.Url + "#/trace/" + Uri.EscapeDataString(trade));

        var failing = _browser.Driver.FindElements(By.CssSelector("#page tr.failing"));
        Assert.NotEmpty(failing);
        Assert.Contains("ERROR", failing[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickingAHistogramBarNarrowsTheRangeToIt()
    {
        _browser.Open(store.Url + "#/explore");
        var bars = (long)_browser.Driver.ExecuteScript(
            "const c = echarts.getInstanceByDom(document.querySelector('#page .chart')); return c.getOption().xAxis[0].data.length;")!;
        Assert.True(bars > 1);

        // ECharts draws on canvas: find the pixel of the first bucket with events and click there with the mouse.
        var point = (System.Collections.ObjectModel.ReadOnlyCollection<object>)_browser.Driver.ExecuteScript(
            "const c = echarts.getInstanceByDom(document.querySelector('#page .chart'));" +
            "const o = c.getOption(); const n = o.xAxis[0].data.findIndex((_, i) => o.series.some(s => s.data[i] > 0));" +
            "return c.convertToPixel({ gridIndex: 0 }, [n, 0]);")!;
        var chart = _browser.Driver.FindElement(By.CssSelector("#page .chart"));
        var (x, y) = (Convert.ToDouble(point[0], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDouble(point[1], System.Globalization.CultureInfo.InvariantCulture) - 3);
        new OpenQA.Selenium.Interactions.Actions(_browser.Driver)
            .MoveToElement(chart, (int)(x - chart.Size.Width / 2.0), (int)(y - chart.Size.Height / 2.0)).Click().Perform();
        _browser.Until(d => d.Url.Contains("from=", StringComparison.Ordinal), 10, "the range to narrow");
        _browser.WaitReady();

        Assert.Equal("custom", _browser.Driver.FindElement(By.Id("range-select")).GetAttribute("value"));
        Assert.Empty(_browser.ConsoleErrors());
    }
}
