using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TradingLog.Configuration;
using TradingLog.Diagnostics;

namespace TradingLog.OpenTelemetry.Metrics;

/// <summary>
/// TradingLog's meters (<see cref="TradingLogInstruments"/>) for OpenTelemetry: added to any <c>MeterProviderBuilder</c>,
/// or served in the Prometheus text format by a console program (<see cref="ListenPrometheus"/>).
/// </summary>
public static class TradingLogMetrics
{
    /// <summary>Default path of the Prometheus endpoint.</summary>
    public const string DefaultPath = "/metrics";

    /// <summary>
    /// Adds TradingLog's meters and, when <paramref name="settings"/> name an <c>otlp.endpoint</c> with <c>otlp.metrics</c>
    /// on, an OTLP exporter that pushes them there every <c>otlp.metrics_interval</c>.
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <param name="settings">The effective settings (<c>host.Settings</c>); null adds the meters only.</param>
    /// <param name="service">The <c>service.name</c> of the pushed metrics; null for <c>tradinglog</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static MeterProviderBuilder AddTradingLogMeters(this MeterProviderBuilder builder, TradingLogSettings? settings = null, string? service = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeter(TradingLogInstruments.MeterName);
        if (settings is not null)
        {
            AddOtlpPush(builder, settings, service);
        }

        return builder;
    }

    /// <summary>The OTLP push of <paramref name="settings"/>, when an endpoint is configured with <c>otlp.metrics</c> on.</summary>
    internal static void AddOtlpPush(MeterProviderBuilder builder, TradingLogSettings settings, string? service)
    {
        if (settings.Otlp is not { Endpoint: { } endpoint, Metrics: true } otlp)
        {
            return;
        }

        var grpc = otlp.Protocol == OtlpProtocolName.Grpc;
        var options = new OtlpExporterOptions
        {
            Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
            Endpoint = new Uri(Logs.OtlpExtension.SignalEndpoint(endpoint, grpc, "metrics")),
            Headers = string.Join(",", otlp.Headers.Select(h => Uri.EscapeDataString(h.Key) + "=" + Uri.EscapeDataString(h.Value))),
        };
        builder.ConfigureResource(r => r.AddService(service ?? "tradinglog", OtlpSettings.DefaultServiceNamespace));
#pragma warning disable CA2000 // the meter provider owns its readers and their exporters
        builder.AddReader(new PeriodicExportingMetricReader(new OtlpMetricExporter(options), (int)otlp.MetricsInterval.TotalMilliseconds));
#pragma warning restore CA2000
    }

    /// <summary>
    /// For console programs: serves TradingLog's meters in the Prometheus text format at
    /// <c>http://{host}:{port}/metrics</c> (<see cref="DefaultPath"/>). Dispose the result to stop.
    /// </summary>
    /// <param name="host">The address to listen on, such as <c>127.0.0.1</c> (<c>*</c> for every address, which may need rights).</param>
    /// <param name="port">The TCP port, 1 to 65535; 9464 is OpenTelemetry's customary Prometheus port.</param>
    /// <param name="settings">The effective settings, for the OTLP push (see <see cref="AddTradingLogMeters"/>); may be null.</param>
    /// <param name="service">The <c>service.name</c> of pushed metrics; may be null.</param>
    /// <returns>The running meter provider.</returns>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not a TCP port.</exception>
    /// <exception cref="System.Net.HttpListenerException">The address cannot be listened on (in use, not allowed).</exception>
    public static IDisposable ListenPrometheus(string host, int port, TradingLogSettings? settings = null, string? service = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return Sdk.CreateMeterProviderBuilder()
            .AddTradingLogMeters(settings, service)
            .AddPrometheusHttpListener(o =>
            {
                o.Host = host;
                o.Port = port;
                o.ScrapeEndpointPath = DefaultPath;
            })
            .Build();
    }
}
