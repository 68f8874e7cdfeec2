using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingLog.AspNetCore.Health;
using TradingLog.AspNetCore.Metrics;

namespace TradingLog.Dashboard;

/// <summary>
/// The dashboard as a program of its own (<c>tradelog dashboard</c>): Kestrel on the given URLs, the dashboard at the root.
/// </summary>
public static class TradingLogDashboardServer
{
    /// <summary>
    /// Builds the server; start it with <c>RunAsync</c> or <c>StartAsync</c>. It refuses to listen anywhere but loopback
    /// unless <see cref="DashboardOptions.AccessToken"/> is set.
    /// </summary>
    /// <param name="urls">Where to listen, separated by <c>;</c> (<see cref="DashboardOptions.DefaultUrls"/>); port 0 picks a free port.</param>
    /// <param name="configure">Sets the options.</param>
    /// <exception cref="ArgumentException">
    /// A URL is not an absolute http or https URL, or names a non-loopback address while no access token is set
    /// (<see cref="ArgumentException.ParamName"/> is <c>urls</c>), or an option is out of its range.
    /// </exception>
    public static WebApplication Create(string urls, Action<DashboardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new DashboardOptions();
        configure(options);
        options.Validate();
        var list = CheckUrls(urls, options.AccessToken is not null);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.UseUrls([.. list]);
        builder.Services.AddTradingLogDashboard(configure);
        builder.Services.AddTradingLogMetrics(); // alert states and evaluation times of the alerting it runs, for Prometheus
        builder.Services.AddHealthChecks().AddCheck<Hosting.DashboardStoreHealthCheck>("log_store", tags: [TradingLogHealthExtensions.ReadyTag]);
        var app = builder.Build();
        var access = ActivatorUtilities.CreateInstance<Security.DashboardAccess>(app.Services);
        app.Use(async (context, next) =>
        {
            // The scrape endpoint and the probes are not dashboard endpoints: the same access rules, applied here.
            var path = context.Request.Path;
            var guarded = path.StartsWithSegments(OpenTelemetry.Metrics.TradingLogMetrics.DefaultPath)
                || path.StartsWithSegments(TradingLogHealthExtensions.DefaultPrefix);
            if (guarded && !access.Allows(context))
            {
                context.Response.StatusCode = options.AccessToken is null ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"TradingLog\"";
                return;
            }

            await next();
        });
        app.MapTradingLogDashboard("/");
        app.MapTradingLogMetrics();
        app.MapTradingLogHealth();
        return app;
    }

    /// <summary>Where a started server listens (its first address, the port chosen when 0 was asked), with a trailing slash.</summary>
    internal static string RootUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    /// <summary>The <c>--urls</c> check of the commands: null when <paramref name="urls"/> may be listened on, else why not.</summary>
    internal static string? UrlsProblem(string urls, bool hasToken)
    {
        try
        {
            CheckUrls(urls, hasToken);
            return null;
        }
        catch (ArgumentException e)
        {
            return "--urls: " + Reason(e);
        }
    }

    /// <summary>An <see cref="ArgumentException"/>'s message without the parameter name .NET appends to it.</summary>
    internal static string Reason(ArgumentException e) =>
        e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var end and >= 0 ? e.Message[..end] : e.Message;

    /// <summary>The URLs, checked: absolute http(s), and loopback hosts only unless a token is set.</summary>
    internal static List<string> CheckUrls(string urls, bool hasToken)
    {
        var list = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("no URL to listen on; give one such as " + DashboardOptions.DefaultUrls, nameof(urls));
        }

        foreach (var url in list)
        {
            // Kestrel's wildcard hosts (*, +) are not URIs; they mean every address.
            var host = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(host, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"'{url}' is not an http or https URL such as {DashboardOptions.DefaultUrls}", nameof(urls));
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (!loopback && !hasToken)
            {
                throw new ArgumentException(
                    $"refusing to listen on {url} without an access token: anyone who can reach it could read every log. Set a token " +
                    "(--token, or TRADINGLOG_DASHBOARD_TOKEN) or listen on 127.0.0.1", nameof(urls));
            }
        }

        return list;
    }
}
