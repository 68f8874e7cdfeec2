using OpenQA.Selenium;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Pages;

/// <summary>The Alerts page and the banner in real Chromium, over the demo's store and its alerts, evaluated by this dashboard.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class AlertsPageTests(DemoStore store) : IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public void TheAlertsPageShowsWhatFiresTheDemosIncidentsInItsHistoryAndARulesValuesOverTime()
    {
        // The feed fell silent when the demo ended: this dashboard's engine fires feed_gap.
        _browser.Open(store.Url + "#/alerts/feed_gap");
        _browser.Until(d => d.FindElements(By.CssSelector("#page tr.alert-firing")).Count > 0, 30, "no firing alert listed");

        Assert.Empty(_browser.ConsoleErrors());
        Assert.Empty(_browser.Driver.FindElement(By.Id("problem")).Text);
        var firing = _browser.Driver.FindElements(By.CssSelector("#page tr.alert-firing")).Select(r => r.Text).ToList();
        Assert.Contains(firing, r => r.Contains("feed_gap", StringComparison.Ordinal) && r.Contains("data_ingestion", StringComparison.Ordinal));
        var history = _browser.Driver.FindElement(By.Id("alerts-history")).Text;
        Assert.Contains("broker_outage", history, StringComparison.Ordinal); // the demo's broker outage fired it, and it resolved
        Assert.Contains("resolved", history, StringComparison.Ordinal);
        var chart = _browser.Driver.FindElement(By.Id("alert-values"));
        Assert.True(int.Parse(chart.GetAttribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture) > 0, "the value chart drew nothing");
        Assert.Equal("feed_gap", _browser.Driver.FindElement(By.Id("alert-rule")).GetDomProperty("value"));
        _browser.Screenshot("alerts");
    }

    [Fact]
    public void EveryPageShowsABannerWhileAnAlertFiresAndItLeadsToTheAlertsPage()
    {
        _browser.Open(store.Url + "#/explore");
        var banner = _browser.Until<IWebElement?>(d => d.FindElement(By.Id("banner")) is { Displayed: true } b ? b : null, 30, "no banner")!;

        Assert.Contains("feed_gap (data_ingestion)", banner.Text, StringComparison.Ordinal);
        banner.Click();
        _browser.Until(d => d.Url.EndsWith("#/alerts", StringComparison.Ordinal), 10, "the banner did not open the Alerts page");
    }
}
