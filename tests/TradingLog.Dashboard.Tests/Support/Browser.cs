using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace TradingLog.Dashboard.Tests.Support;

/// <summary>
/// Real headless Chromium (Debian's chromium and chromium-driver), driven by Selenium, with the flags this closed network
/// needs. Collects the page's console errors and saves screenshots to <c>docs/dashboard/</c>.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly TempFolder _profile = new();

    public Browser()
    {
        Assert.True(File.Exists(ChromiumPath) && File.Exists(DriverPath),
            "the browser tests need Debian's chromium and chromium-driver (scripts/prerequisites.sh installs them as root)");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
            "--user-data-dir=" + _profile.Path);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    /// <summary>Opens <paramref name="url"/> and waits until the page says its data is drawn (<c>main[data-ready=true]</c>).</summary>
    public void Open(string url, int seconds = 30)
    {
        Driver.Navigate().GoToUrl(url);
        WaitReady(seconds);
    }

    public void WaitReady(int seconds = 30) =>
        Until(d => d.FindElement(By.Id("page")).GetAttribute("data-ready") == "true", seconds, "the page to finish loading");

    public T Until<T>(Func<IWebDriver, T> condition, int seconds, string what)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { PollingInterval = TimeSpan.FromMilliseconds(50), Message = "waiting for " + what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    /// <summary>The console messages at SEVERE (errors, failed requests, CSP violations) since the last call.</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message)];

    /// <summary>Saves the window to <c>docs/dashboard/{name}.png</c> of the checkout.</summary>
    public void Screenshot(string name)
    {
        var folder = Path.Combine(Repository.Root, "docs", "dashboard");
        Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _profile.Dispose();
    }
}
