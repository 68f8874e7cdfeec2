using System.Diagnostics;
using OpenQA.Selenium;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Pages;

/// <summary>The live tail in real Chromium: events logged during the test arrive, filtered live, paused and resumed.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class LiveTailTests(DemoStore store) : IDisposable
{
    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    private void OpenTail(string query = "")
    {
        _browser.Open(store.Url + "#/tail" + query);
        _browser.Until(d => d.FindElement(By.Id("tail-status")).Text.StartsWith("live", StringComparison.Ordinal), 10, "the stream to open");
        // The shared poller's first look takes the newest id; events logged from here on are new.
        Thread.Sleep(800);
    }

    private IReadOnlyList<string> Rows() => [.. _browser.Driver.FindElements(By.CssSelector("#tail-list .row")).Select(r => r.Text)];

    [Fact]
    public void AnEventLoggedByAServiceAppearsWithinTwoSeconds()
    {
        OpenTail();
        using var host = store.OpenService("execution");
        var marker = "tail-check-" + Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        host.Logger.Info("Order {Marker} acknowledged", marker);

        _browser.Until(_ => Rows().Any(r => r.Contains(marker, StringComparison.Ordinal)), 2, $"{marker} in the live tail");
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Empty(_browser.ConsoleErrors());

        // A busier stream for the screenshot in the docs.
        for (var i = 0; i < 40; i++)
        {
            switch (i % 5)
            {
                case 0:
                    host.Logger.Warning("Quote for {Symbol} arrived {Delay} ms late", "AAPL", 200 + i);
                    break;
                case 3:
                    host.Logger.Error("Broker API error for {TradeId}: gateway returned 503", "trade_" + i);
                    break;
                default:
                    host.Logger.Info("Placing order {TradeId}: {Side} {Quantity} {Symbol}", "trade_" + i, i % 2 == 0 ? "BUY" : "SELL", 10 * i, "MSFT");
                    break;
            }
        }

        _browser.Until(_ => Rows().Count >= 30, 5, "the burst in the live tail");
        _browser.Screenshot("tail");
    }

    [Fact]
    public void FiltersApplyLiveToLevelServiceAndAMetadataField()
    {
        OpenTail();
        _browser.Driver.FindElement(By.CssSelector("#tail-level option[value='WARNING']")).Click();
        var metadata = _browser.Driver.FindElement(By.Id("tail-metadata"));
        metadata.SendKeys("Symbol = ZZTL");
        metadata.SendKeys(Keys.Tab);
        _browser.Until(d => d.FindElement(By.Id("tail-status")).Text.StartsWith("live", StringComparison.Ordinal), 10, "the filtered stream");
        Thread.Sleep(800);
        var marker = Guid.NewGuid().ToString("N")[..8];
        using (var host = store.OpenService("risk_management"))
        {
            host.Logger.Info("info {Symbol} {Marker}", "ZZTL", marker + "-info");
            host.Logger.Warning("warning other symbol {Symbol} {Marker}", "MSFT", marker + "-msft");
            host.Logger.Warning("warning {Symbol} {Marker}", "ZZTL", marker + "-match");
        }

        _browser.Until(_ => Rows().Any(r => r.Contains(marker + "-match", StringComparison.Ordinal)), 5, "the matching event");
        Thread.Sleep(600);
        Assert.DoesNotContain(Rows(), r => r.Contains(marker + "-info", StringComparison.Ordinal));
        Assert.DoesNotContain(Rows(), r => r.Contains(marker + "-msft", StringComparison.Ordinal));
    }

    [Fact]
    public void PausedTailHoldsNewEventsUntilResumed()
    {
        OpenTail();
        _browser.Driver.FindElement(By.Id("tail-pause")).Click();
        var marker = "paused-" + Guid.NewGuid().ToString("N");
        using (var host = store.OpenService("analytics"))
        {
            host.Logger.Info("held {Marker}", marker);
        }

        _browser.Until(d => d.FindElement(By.Id("tail-status")).Text.Contains("waiting", StringComparison.Ordinal), 5, "the event to wait");
        Assert.DoesNotContain(Rows(), r => r.Contains(marker, StringComparison.Ordinal));

        _browser.Driver.FindElement(By.Id("tail-pause")).Click();
        _browser.Until(_ => Rows().Any(r => r.Contains(marker, StringComparison.Ordinal)), 2, "the held event after resume");
    }
}
