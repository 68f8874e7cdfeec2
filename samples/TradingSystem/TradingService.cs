using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingLog.AspNetCore.Correlation;
using TradingLog.AspNetCore.Health;
using TradingLog.AspNetCore.Metrics;
using TradingLog;
using TradingLog.Configuration;
using TradingLog.Correlation;
using TradingLog.Hosting;
using TradingLog.OpenTelemetry;
using TradingLog.PostgreSql;

namespace TradingSystem;

/// <summary>
/// One service of the simulated trading system, in its own process: an ASP.NET Core app on loopback that logs through
/// <c>AddTradingLogging</c> and <c>ILogger&lt;T&gt;</c> like a real service, forwards correlation IDs to the next service,
/// and writes its <see cref="ServiceSummary"/> when stopped.
/// </summary>
internal static class TradingService
{
    private static readonly string[] Symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG"];

    public static async Task<int> RunAsync(SampleArguments options)
    {
        var counter = new EventCounter();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Ports[options.Service]}");
        // The one line that makes TradingLog this service's logging: files, the database, ILogger<T>, health.
        builder.AddTradingLogging(options.Service, o =>
        {
            o.UsePostgreSql();
            o.UseOpenTelemetry(); // every event to logging.otlp.endpoint too, when one is configured
            o.ConfigureSerilog = c => c.Enrich.WithProperty("RunId", options.RunId).WriteTo.Sink(counter);
        });
        foreach (var service in ServiceNames.All)
        {
            builder.Services.AddHttpClient(service, c => c.BaseAddress = new Uri($"http://127.0.0.1:{options.Ports[service]}"))
                .AddTradingLogCorrelation();
        }

        // Prometheus metrics at /metrics, and /health/live and /health/ready for an orchestrator.
        builder.Services.AddTradingLogMetrics();
        builder.Services.AddTradingLogHealthChecks();
        var app = builder.Build();
        app.UseTradingLogCorrelation();
        app.MapTradingLogMetrics();
        app.MapTradingLogHealth();
        var performance = app.Services.GetRequiredService<PerformanceSettings>();
        var http = app.Services.GetRequiredService<IHttpClientFactory>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TradingSystem." + options.Service);
        var state = new TradingState(options.RunId);
        app.MapGet("/health", () => "ok");
        app.MapPost("/shutdown", (IHostApplicationLifetime lifetime) =>
        {
            state.Stop.Cancel();
            lifetime.StopApplication();
            return "stopping";
        });
        // The demo's labelled incidents: the orchestrator says which happen when, and each service plays its part.
        app.MapPost("/incidents", (Incident[] plan) =>
        {
            state.Incidents.Set(plan);
            return "ok";
        });
        Map(app, options.Service, http, logger, performance, state);

        var host = app.Services.GetRequiredService<TradingLogHost>();
        var logFile = host.Settings.FileOf(options.Service);
        var unwritable = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = 0L;
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            // Taken before the pipeline is disposed: a file that failed at any time during the run is reported.
            foreach (var (path, error) in host.Health.UnwritableFiles)
            {
                unwritable[path] = error;
            }

            failures = host.Health.FileWriteFailures;
        });

        // RunAsync returns after the host stopped and was disposed, which flushed every log to its file and the database.
        await app.RunAsync();
        var summary = new ServiceSummary(options.Service, new(counter.Levels), new(counter.Tables), Path.GetFullPath(logFile), unwritable, failures);
        if (options.SummaryFile is not null)
        {
            await File.WriteAllTextAsync(options.SummaryFile, System.Text.Json.JsonSerializer.Serialize(summary));
        }

        return 0;
    }

    /// <summary>Each service's endpoints; each handler is a named method, so that its log lines name it.</summary>
    private static void Map(WebApplication app, string service, IHttpClientFactory http, ILogger logger, PerformanceSettings performance, TradingState state)
    {
        switch (service)
        {
            case ServiceNames.DataIngestion:
                app.MapPost("/start", (int ticksPerSecond) => StartMarketData(http, logger, performance, state, ticksPerSecond));
                break;
            case ServiceNames.StrategyEngine:
                app.MapPost("/tick", (Tick tick) => OnTickAsync(tick, http, logger, state));
                break;
            case ServiceNames.Execution:
                app.MapPost("/order", (Order order) => PlaceOrderAsync(order, http, logger, performance, state.Incidents));
                break;
            case ServiceNames.RiskManagement:
                app.MapPost("/check", (Order order) => CheckLimitsAsync(order, logger, performance, state.Incidents));
                break;
            case ServiceNames.Analytics:
                app.MapPost("/fill", (Order order) => UpdatePnlAsync(order, logger, performance, state.Incidents));
                break;
            case ServiceNames.Notification:
                app.MapPost("/notify", (Order order) => SendFillNotice(order, logger));
                var inbox = new AlertInbox(logger);
                app.MapPost("/alerts", (HttpRequest request) => inbox.ReceiveAsync(request));
                break;
        }
    }

    private static string StartMarketData(IHttpClientFactory http, ILogger logger, PerformanceSettings performance, TradingState state, int ticksPerSecond)
    {
        _ = Task.Run(() => GenerateTicksAsync(http, logger, performance, state, ticksPerSecond));
        return "started";
    }

    private static async Task<IResult> OnTickAsync(Tick tick, IHttpClientFactory http, ILogger logger, TradingState state)
    {
        var fast = tick.Price * (1 + (Random.Shared.NextDouble() - 0.5) / 100);
        var slow = tick.Price * (1 + (Random.Shared.NextDouble() - 0.5) / 100);
        logger.LogDebug("Signal inputs for {Symbol}: sma_fast={Fast:F2} sma_slow={Slow:F2}", tick.Symbol, fast, slow);
        if (Random.Shared.Next(5) != 0)
        {
            return Results.Ok();
        }

        var tradeId = state.NextTradeId();
        using (CorrelationContext.BeginTrade(tradeId))
        {
            var side = fast > slow ? "BUY" : "SELL";
            logger.LogInformation("Signal {Side} {Symbol} at {Price:F2} (momentum)", side, tick.Symbol, tick.Price);
            await Post(http, logger, ServiceNames.Execution, "/order", new Order(tradeId, tick.Symbol, side, 10 * (1 + Random.Shared.Next(10)), tick.Price));
        }

        return Results.Ok();
    }

    private static async Task<IResult> PlaceOrderAsync(Order order, IHttpClientFactory http, ILogger logger, PerformanceSettings performance,
        IncidentSwitch incidents)
    {
        using (logger.Measure("place_order", performance))
        {
            logger.LogInformation("Placing order {TradeId}: {Side} {Quantity} {Symbol}", order.TradeId, order.Side, order.Quantity, order.Symbol);
            var allowed = await Post(http, logger, ServiceNames.RiskManagement, "/check", order);
            var trade = new TradeRecord
            {
                TradeId = order.TradeId, Symbol = order.Symbol, Side = order.Side, Quantity = order.Quantity,
                // Adding 0.00m keeps two decimals, so the row says 385.00 as the message does, not 385.
                Price = Math.Round((decimal)order.Price, 2) + 0.00m,
                Strategy = "momentum", ExecutionTimeMs = Random.Shared.Next(2, 40), Status = "FILLED",
            };
            if (!allowed)
            {
                logger.LogTrade(trade with { Status = "REJECTED", ErrorMessage = "risk limit breached" });
                return Results.Ok();
            }

            if (incidents.Active(Incident.Deployment) && Random.Shared.Next(2) == 0)
            {
                // The new release's router, like much third-party code, logs an interpolated string: free text, which the
                // store gives a pattern by mining it.
#pragma warning disable CA2254
                logger.LogError($"Order router 2.4: no venue route for {order.Symbol} in region {order.Quantity % 3}, order {order.TradeId} dropped");
#pragma warning restore CA2254
                logger.LogTrade(trade with { Status = "FAILED", ErrorMessage = "no venue route" });
                return Results.Ok();
            }

            try
            {
                BrokerGateway.Submit(order, incidents);
            }
            catch (HttpRequestException e)
            {
                // The exception's type, message, stack trace and cause go to the files and the row's metadata.
                logger.LogError(e, "Broker API error for {TradeId}: {Reason}", order.TradeId, e.Message);
                logger.LogTrade(trade with { Status = "FAILED", ErrorMessage = e.Message });
                return Results.Ok();
            }

            logger.LogTrade(trade);
            await Post(http, logger, ServiceNames.Notification, "/notify", order);
            await Post(http, logger, ServiceNames.Analytics, "/fill", order);
        }

        return Results.Ok();
    }

    private static async Task<IResult> CheckLimitsAsync(Order order, ILogger logger, PerformanceSettings performance, IncidentSwitch incidents)
    {
        using (logger.Measure("check_limits", performance))
        {
            logger.LogDebug("Checking exposure for {TradeId}", order.TradeId);
            if (incidents.Active(Incident.RiskLatency))
            {
                await Task.Delay(Random.Shared.Next(150, 300)); // the exposure store is slow
            }

            logger.LogInformation("Exposure within limits for {Symbol}", order.Symbol);
            if (Random.Shared.Next(10) < (incidents.Active(Incident.RiskBurst) ? 8 : 1))
            {
                using (logger.BeginCategory(LogCategory.Risk))
                {
                    logger.LogWarning("Risk limit breached for {TradeId}: position in {Symbol} would exceed {Limit}", order.TradeId, order.Symbol, 500);
                }

                return Results.Ok(false);
            }
        }

        return Results.Ok(true);
    }

    private static async Task<IResult> UpdatePnlAsync(Order order, ILogger logger, PerformanceSettings performance, IncidentSwitch incidents)
    {
        using (logger.Measure("update_pnl", performance))
        {
            if (incidents.Progress(Incident.LatencyDrift) is { } progress)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * progress)); // the positions table grows without its index
            }

            logger.LogInformation("P&L updated after {TradeId}", order.TradeId);
        }

        return Results.Ok();
    }

    private static IResult SendFillNotice(Order order, ILogger logger)
    {
        logger.LogInformation("Fill notice for {TradeId} sent to {Channel}", order.TradeId, "desk-chat");
        return Results.Ok();
    }

    private static async Task GenerateTicksAsync(IHttpClientFactory http, ILogger logger, PerformanceSettings performance, TradingState state,
        int ticksPerSecond)
    {
        var prices = Symbols.ToDictionary(s => s, _ => 100.0 + Random.Shared.Next(400));
        var interval = TimeSpan.FromSeconds(1.0 / Math.Max(1, ticksPerSecond));
        var next = DateTime.UtcNow;
        var count = 0;
        while (!state.Stop.IsCancellationRequested)
        {
            if (state.Incidents.Active(Incident.FeedSilent))
            {
                // The feed is down: no quote arrives, nothing is logged, no tick flows on.
                await Task.Delay(interval);
                next = DateTime.UtcNow;
                continue;
            }

            var symbol = Symbols[count++ % Symbols.Length];
            prices[symbol] *= 1 + ((Random.Shared.NextDouble() - 0.5) / 500);
            if (count % 50 == 0)
            {
                using (logger.Measure("fetch_market_data", performance))
                {
                    logger.LogWarning("Quote for {Symbol} arrived {Delay} ms late", symbol, Random.Shared.Next(200, 900));
                }
            }

            // Each tick is its own flow: its correlation ID follows it to the strategy engine (and, if it trades, to the
            // trade), so a trace or the dashboard's service map sees one tick's hops, not one endless flow since /start.
            using (CorrelationContext.Begin(CorrelationContext.NewId("tick")))
            {
                logger.LogInformation("Tick {Symbol} {Price:F2}", symbol, prices[symbol]);
                await Post(http, logger, ServiceNames.StrategyEngine, "/tick", new Tick(symbol, prices[symbol]));
            }
            next += interval;
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }

    /// <summary>
    /// Calls another service. A helper that logs on behalf of its caller: a failed call is logged with the caller's member
    /// and line (<c>ForCaller</c>), where the reader of the log wants to look, not this method's.
    /// </summary>
    private static async Task<bool> Post<T>(IHttpClientFactory http, ILogger logger, string service, string path, T body,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        try
        {
            using var response = await http.CreateClient(service).PostAsJsonAsync(path, body);
            if (!response.IsSuccessStatusCode)
            {
                logger.ForCaller(member, file, line).LogWarning("Call to {Service}{Path} answered {Status}", service, path, (int)response.StatusCode);
                return false;
            }

            return response.Content.Headers.ContentLength == 0 || await response.Content.ReadFromJsonAsync<bool?>() != false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.ForCaller(member, file, line).LogWarning(e, "Call to {Service}{Path} failed", service, path);
            return false;
        }
    }
}
