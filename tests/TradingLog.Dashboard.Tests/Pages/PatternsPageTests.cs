using OpenQA.Selenium;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Pages;

/// <summary>The Patterns page and the forecast chart in real Chromium, over the demo's store.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class PatternsPageTests(DemoStore store) : IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public void ThePatternsPageListsPatternsWithSparklinesAndLeadsToTheirEventsInExplore()
    {
        _browser.Open(store.Url + "#/patterns");
        var rows = _browser.Until(d => d.FindElements(By.CssSelector("#page tbody tr")) is { Count: > 5 } r ? r : null, 30, "no pattern listed")!;

        Assert.Empty(_browser.ConsoleErrors());
        Assert.Empty(_browser.Driver.FindElement(By.Id("problem")).Text);
        Assert.All(rows, r => Assert.Single(r.FindElements(By.CssSelector("svg.sparkline polyline"))));
        var tick = rows.First(r => r.Text.Contains("Tick {Symbol} {Price:F2}", StringComparison.Ordinal));
        Assert.Contains("data_ingestion", tick.Text, StringComparison.Ordinal);
        Assert.Contains("e.g. Tick ", tick.Text, StringComparison.Ordinal);
        _browser.Screenshot("patterns");

        tick.FindElement(By.LinkText("Events")).Click();
        _browser.Until(d => d.Url.Contains("#/explore?q=pattern", StringComparison.Ordinal), 10, "the link did not open Explore");
        var search = _browser.Until(d => d.FindElement(By.Id("explore-q")).GetDomProperty("value") is { Length: > 0 } v ? v : null, 10, "no search")!;
        Assert.StartsWith("pattern:", search, StringComparison.Ordinal);
        Assert.Empty(_browser.Driver.FindElement(By.Id("problem")).Text);
    }

    [Fact]
    public async Task AForecastRuleOnTheAlertsPageDrawsItsSeriesWithTheForecastAndItsBand()
    {
        // A range that ends with the demo's last P&L update: the forecast is made as of the range's end.
        var newest = await store.GetJsonAsync("api/events?range=1h&limit=1&q=" + Uri.EscapeDataString("service:analytics \"update_pnl took\""));
        var at = newest.GetProperty("events")[0].GetProperty("timestamp").GetDateTimeOffset().AddSeconds(1);
        _browser.Open(store.Url + $"#/alerts/pnl_latency_forecast?from={Uri.EscapeDataString(at.AddMinutes(-5).ToString("O"))}" +
            $"&to={Uri.EscapeDataString(at.ToString("O"))}");
        var chart = _browser.Until(d => d.FindElement(By.Id("alert-values")) is { } c && c.GetAttribute("data-forecast") is not null ? c : null, 30,
            "no forecast chart")!;

        Assert.Empty(_browser.ConsoleErrors());
        Assert.Equal("true", chart.GetAttribute("data-forecast"));
        Assert.True(int.Parse(chart.GetAttribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEmpty(chart.FindElements(By.TagName("canvas")));
        ((IJavaScriptExecutor)_browser.Driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        _browser.Screenshot("forecast");
    }
}
