using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using TradingLog.OpenTelemetry.Metrics;

namespace TradingLog.AspNetCore.Metrics;

/// <summary>
/// TradingLog's meters in the Prometheus text format: <c>builder.Services.AddTradingLogMetrics()</c>, then
/// <c>app.MapTradingLogMetrics()</c> for <c>GET /metrics</c>, which a Prometheus server scrapes.
/// </summary>
public static class TradingLogMetricsExtensions
{
    /// <summary>
    /// Registers an OpenTelemetry meter provider with TradingLog's meters and the Prometheus exporter; when the service's
    /// TradingLog settings name an <c>otlp.endpoint</c> with <c>otlp.metrics</c> on, the meters are also pushed there.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">
    /// Adds to the meter provider (your own meters, ASP.NET Core's); may be null. Calling this again only adds it.
    /// </param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddTradingLogMetrics(this IServiceCollection services, Action<MeterProviderBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(MetricsMarker)))
        {
            // Registered once: a second call would add a second Prometheus exporter and push every metric twice.
            if (configure is not null)
            {
                services.ConfigureOpenTelemetryMeterProvider(configure);
            }

            return services;
        }

        services.AddSingleton<MetricsMarker>();
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddTradingLogMeters().AddPrometheusExporter();
            configure?.Invoke(metrics);
        });
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            if (provider.GetService<TradingLogHost>() is { } host)
            {
                TradingLogMetrics.AddOtlpPush(metrics, host.Settings, host.Service);
            }
        });
        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint (<c>GET</c>, text format 0.0.4 or OpenMetrics as the scraper asks).</summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="path">The path; default <see cref="TradingLogMetrics.DefaultPath"/>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="AddTradingLogMetrics"/> was not called.</exception>
    public static IEndpointConventionBuilder MapTradingLogMetrics(this IEndpointRouteBuilder endpoints, string path = TradingLogMetrics.DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<MeterProvider>() is null)
        {
            throw new InvalidOperationException("MapTradingLogMetrics needs builder.Services.AddTradingLogMetrics() first.");
        }

        return endpoints.MapPrometheusScrapingEndpoint(path);
    }

    private sealed class MetricsMarker;
}
