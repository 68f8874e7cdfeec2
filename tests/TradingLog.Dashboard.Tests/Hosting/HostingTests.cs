using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace TradingLog.Dashboard.Tests.Hosting;

/// <summary>The dashboard hosted inside a service under a prefix, and served by <c>tradelog dashboard</c> until Ctrl-C.</summary>
public sealed class HostingTests
{
    private static TradingLog.Configuration.TradingLogSettings Unreachable()
    {
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2";
        return settings;
    }

    [Fact]
    public async Task AServiceHostsItUnderAPrefixWithItsPagesAssetsAndApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddTradingLogDashboard(o => o.Settings = Unreachable());
        await using var app = builder.Build();
        app.MapGet("/orders", () => "the service's own endpoint");
        app.MapTradingLogDashboard("/logs");
        await app.StartAsync();
        var root = TradingLogDashboardServer.RootUrl(app).TrimEnd('/');
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using (var bare = await http.GetAsync(new Uri(root + "/logs")))
        {
            Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
            Assert.Equal("/logs/", bare.Headers.Location!.OriginalString);
        }

        Assert.Contains("<nav id=\"nav\">", await http.GetStringAsync(new Uri(root + "/logs/")), StringComparison.Ordinal);
        using (var script = await http.GetAsync(new Uri(root + "/logs/assets/echarts.min.js")))
        {
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 500_000, "the chart library is embedded whole");
        }

        using (var bad = await http.GetAsync(new Uri(root + "/logs/api/events?range=forever")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        // The store is unreachable: the API says so, as a 503 a person can read, and the service goes on.
        using (var down = await http.GetAsync(new Uri(root + "/logs/api/health")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("log store cannot be read", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("the service's own endpoint", await http.GetStringAsync(new Uri(root + "/orders")));
    }

    [Fact]
    public void MappingWithoutItsServicesSaysWhatToAdd()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapTradingLogDashboard());

        Assert.Contains("AddTradingLogDashboard", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task TheCommandServesUntilCtrlCOrTerminatedAndPrintsWhere(string signal)
    {
        using var folder = new TempFolder();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "TradingLog.Cli.dll"), "dashboard", "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string? url = null;
        while (url is null && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            url = line.StartsWith("TradingLog dashboard: ", StringComparison.Ordinal) ? line.Split(' ')[2] : null;
        }

        Assert.NotNull(url);
        using var http = new HttpClient();
        Assert.Contains("<nav id=\"nav\">", await http.GetStringAsync(new Uri(url)), StringComparison.Ordinal);

        using (var interrupt = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        Assert.True(process.WaitForExit(20_000), $"tradelog dashboard did not stop on SIG{signal}");
        Assert.Equal(0, process.ExitCode);
        // No store in this folder: the command says so on standard error and serves anyway.
        Assert.Contains("not reachable yet", await error, StringComparison.Ordinal);
    }
}
