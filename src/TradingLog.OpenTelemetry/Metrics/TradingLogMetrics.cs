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

    /// <summary>Default interval of the OTLP metrics push: 15 s, a common scrape interval.</summary>
    public static readonly TimeSpan DefaultOtlpExportInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Adds TradingLog's meters and, when <paramref name="settings"/> name an <c>otlp.endpoint</c> with <c>otlp.metrics</c>
    /// on, an OTLP exporter that pushes them there every <see cref="DefaultOtlpExportInterval"/>.
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
        if (settings?.Otlp is { Endpoint: { } endpoint, Metrics: true } otlp)
        {
            builder.ConfigureResource(r => r.AddService(service ?? "tradinglog", OtlpSettings.DefaultServiceNamespace));
            builder.AddOtlpExporter((exporter, reader) =>
            {
                var grpc = otlp.Protocol == OtlpProtocolName.Grpc;
                exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                exporter.Endpoint = grpc || endpoint.AbsolutePath.Trim('/').Length > 0 ? endpoint : new Uri(endpoint, "/v1/metrics");
                exporter.Headers = string.Join(",", otlp.Headers.Select(h => Uri.EscapeDataString(h.Key) + "=" + Uri.EscapeDataString(h.Value)));
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)DefaultOtlpExportInterval.TotalMilliseconds;
            });
        }

        return builder;
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
