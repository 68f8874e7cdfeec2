using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingLog.AspNetCore.Correlation;
using TradingLog.Configuration;
using TradingLog.Correlation;
using TradingLog.Hosting;

namespace TradingLog.AspNetCore.Tests.Correlation;

public sealed class CorrelationMiddlewareTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tradinglog-aspnet-tests", Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Format = "{extra[correlation_id]} | {message}";
        builder.AddTradingLogging("execution", o => o.Settings = settings);
        _app = builder.Build();
        _app.UseTradingLogCorrelation();
        _app.MapGet("/orders", (ILogger<CorrelationMiddlewareTests> log) =>
        {
            log.LogInformation("order received");
            return CorrelationContext.Current;
        });
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task IncomingHeaderBecomesTheRequestsCorrelationIdAndIsEchoed()
    {
        using var client = new HttpClient { BaseAddress = _address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add(CorrelationContext.HeaderName, "trade_4242");
        using var response = await client.SendAsync(request);

        Assert.Equal("trade_4242", await response.Content.ReadAsStringAsync());
        Assert.Equal("trade_4242", response.Headers.GetValues(CorrelationContext.HeaderName).Single());
        await _app.StopAsync();
        await _app.DisposeAsync();
        var lines = File.ReadAllLines(Path.Combine(_folder, "logs", "execution.log"));
        Assert.Contains("trade_4242 | order received", lines);
    }

    [Fact]
    public async Task TraceparentIsUsedWhenNoCorrelationHeaderIsSent()
    {
        using var client = new HttpClient { BaseAddress = _address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        using var response = await client.SendAsync(request);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequestsWithoutAnyIdGetANewOne()
    {
        using var client = new HttpClient { BaseAddress = _address };
        var first = await client.GetStringAsync(new Uri("/orders", UriKind.Relative));
        var second = await client.GetStringAsync(new Uri("/orders", UriKind.Relative));
        Assert.False(string.IsNullOrEmpty(first));
        Assert.NotEqual(first, second);
    }
}
