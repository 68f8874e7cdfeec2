using OpenQA.Selenium;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Pages;

/// <summary>Logged text is attacker-controlled: markup in a message, a service name or a property is shown as characters and runs nothing.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class MarkupIsInertTests(DemoStore store) : IDisposable
{
    private const string Markup = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";

    private readonly Browser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public void MarkupInAMessageShowsItsCharactersEverywhereAndRunsNothing()
    {
        var marker = "inert-" + Guid.NewGuid().ToString("N")[..8];
        using (var host = store.OpenService("notification"))
        {
            host.Logger.ForCategory(LogCategory.Risk).WithProperty(LogProperties.EventType, "<b>markup</b>")
                .Error("{Marker} " + Markup, marker);
        }

        _browser.Open(store.Url + "#/explore?q=" + Uri.EscapeDataString(marker));
        var cell = _browser.Until(d => d.FindElements(By.XPath($"//tbody/tr/td[contains(., '{marker}')]")).FirstOrDefault(), 10, "the event in the search");
        Assert.Contains(Markup, cell!.Text, StringComparison.Ordinal);
        cell.Click();
        var message = _browser.Until(d => d.FindElement(By.CssSelector("#detail pre.message")), 10, "the event panel");
        Assert.Contains(Markup, message.Text, StringComparison.Ordinal);
        Assert.Contains("<b>markup</b>", _browser.Driver.FindElement(By.Id("detail")).Text, StringComparison.Ordinal);

        Assert.Empty(_browser.Driver.FindElements(By.CssSelector("#page img, #detail img, #page b, #detail b, #page script, #detail script")));
        Assert.Equal("TradingLog", _browser.Driver.Title);
        Assert.Throws<NoAlertPresentException>(() => _browser.Driver.SwitchTo().Alert());
        Assert.Empty(_browser.ConsoleErrors());
    }
}
