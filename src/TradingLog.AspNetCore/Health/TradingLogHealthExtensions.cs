using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingLog.AspNetCore.Health;

/// <summary>
/// Health probes for orchestrators and load balancers, on <c>Microsoft.Extensions.Diagnostics.HealthChecks</c>:
/// <c>builder.Services.AddTradingLogHealthChecks()</c>, then <c>app.MapTradingLogHealth()</c>.
/// </summary>
public static class TradingLogHealthExtensions
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs; tag your own checks with it to add them.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The name of TradingLog's check in the report.</summary>
    public const string CheckName = "tradinglog";

    /// <summary>Default path prefix of the probes.</summary>
    public const string DefaultPrefix = "/health";

    /// <summary>
    /// Registers TradingLog's readiness check (tagged <see cref="ReadyTag"/>): unhealthy while the database cannot be written
    /// and the spool grows, degraded while files cannot be written or the OTLP export drops. Needs <c>AddTradingLogging</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The health checks builder, to add checks of your own.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IHealthChecksBuilder AddTradingLogHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddHealthChecks().AddCheck<TradingLogHealthCheck>(CheckName, tags: [ReadyTag]);
    }

    /// <summary>
    /// Maps <c>{prefix}/live</c> (200 while the process answers; no check runs) and <c>{prefix}/ready</c> (the checks tagged
    /// <see cref="ReadyTag"/>: 200 when healthy or degraded, 503 when unhealthy), both with a JSON body that says why.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The path prefix; default <see cref="DefaultPrefix"/>.</param>
    /// <returns>The application.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    public static IEndpointRouteBuilder MapTradingLogHealth(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        prefix = prefix.TrimEnd('/');
        endpoints.MapHealthChecks(prefix + "/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        endpoints.MapHealthChecks(prefix + "/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return endpoints;
    }
}
