namespace TradingLog.Configuration;

/// <summary>
/// The <c>logging.otlp</c> section: every event sent, also, as an OpenTelemetry log record to an OTLP endpoint (an
/// OpenTelemetry Collector, or any OTLP receiver), through TradingLog.OpenTelemetry. Off while <see cref="Endpoint"/> is unset.
/// </summary>
public sealed class OtlpSettings
{
    /// <summary>Default protocol: gRPC, the OTLP default (a collector listens on 4317 for it, on 4318 for HTTP).</summary>
    public const OtlpProtocolName DefaultProtocol = OtlpProtocolName.Grpc;

    /// <summary>Default bound on events handed to the exporter and not yet delivered: 100,000; past it events are dropped and counted.</summary>
    public const int DefaultQueueLimit = 100_000;

    /// <summary>Default: when the host exports metrics, they also go to the OTLP endpoint.</summary>
    public const bool DefaultMetrics = true;

    /// <summary>Default interval of the OTLP metrics push: 15 s, a common scrape interval.</summary>
    public static readonly TimeSpan DefaultMetricsInterval = TimeSpan.FromSeconds(15);

    /// <summary>Default <c>service.namespace</c> resource attribute.</summary>
    public const string DefaultServiceNamespace = "trading";

    /// <summary>
    /// The OTLP endpoint (<c>otlp.endpoint</c>, <c>TRADINGLOG_OTLP__ENDPOINT</c>): an absolute http or https URL such as
    /// <c>http://127.0.0.1:4317</c>. For http/protobuf it is a base: <c>/v1/logs</c> and <c>/v1/metrics</c> are added (after
    /// taking off a signal path it already ends in).
    /// Null: no OTLP export.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c> (<c>otlp.protocol</c>).</summary>
    public OtlpProtocolName Protocol { get; set; } = DefaultProtocol;

    /// <summary>Headers sent with every export, such as an API key (<c>otlp.headers</c>: a map, or <c>name=value,name=value</c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Resource attributes added to (or replacing) TradingLog's own (<c>otlp.resource_attributes</c>: a map, or
    /// <c>name=value,...</c> as in <c>OTEL_RESOURCE_ATTRIBUTES</c>).
    /// </summary>
    public IDictionary<string, string> ResourceAttributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Events handed to the exporter and not yet delivered, at most (<c>otlp.queue_limit</c>, 1 or more).</summary>
    public int QueueLimit { get; set; } = DefaultQueueLimit;

    /// <summary>The lowest level exported (<c>otlp.level</c>); null exports every event the service logs.</summary>
    public Serilog.Events.LogEventLevel? Level { get; set; }

    /// <summary>
    /// Whether a host that exports TradingLog's meters (<c>AddTradingLogMetrics</c>, <c>TradingLogMetrics.ListenPrometheus</c>)
    /// also pushes them to <see cref="Endpoint"/> every <see cref="MetricsInterval"/> (<c>otlp.metrics</c>).
    /// </summary>
    public bool Metrics { get; set; } = DefaultMetrics;

    /// <summary>How often metrics are pushed to <see cref="Endpoint"/> (<c>otlp.metrics_interval</c>, 1 s to 1 h).</summary>
    public TimeSpan MetricsInterval { get; set; } = DefaultMetricsInterval;
}
