using System.Diagnostics.Metrics;
using Serilog;
using Serilog.Events;
using Serilog.Sinks.OpenTelemetry;
using TradingLog.Configuration;
using TradingLog.Diagnostics;

namespace TradingLog.OpenTelemetry.Logs;

/// <summary>Adds the OTLP export to a service's pipeline when <c>logging.otlp.endpoint</c> is set; otherwise adds nothing.</summary>
internal sealed class OtlpExtension : ITradingLogExtension
{
    /// <summary>How long one export attempt may take before it counts as failed and is retried.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long the exporter waits to fill a batch.</summary>
    public static readonly TimeSpan BufferingTime = TimeSpan.FromMilliseconds(500);

    public void Configure(TradingLogPipelineContext context)
    {
        var settings = context.Settings.Otlp;
        if (settings.Endpoint is not { } endpoint)
        {
            return;
        }

        context.OtlpExported = true;
        var grpc = settings.Protocol == OtlpProtocolName.Grpc;
        var health = new OtlpExportHealth { Endpoint = endpoint, QueueLimit = settings.QueueLimit };
#pragma warning disable CA2000 // the exporter's HTTP client owns the handler; the sink below owns the exporter
        var handler = new OtlpDeliveryHandler(health, context.Health, grpc, AttemptTimeout);
        var exporter = new LoggerConfiguration().WriteTo.OpenTelemetry(options =>
        {
            options.LogsEndpoint = SignalEndpoint(endpoint, grpc, "logs");
            options.Protocol = grpc ? OtlpProtocol.Grpc : OtlpProtocol.HttpProtobuf;
            options.Headers = new Dictionary<string, string>(settings.Headers, StringComparer.Ordinal);
            options.ResourceAttributes = OtlpResource.For(context.Service, context.EnvironmentName, settings);
            options.HttpMessageHandler = handler;
            options.BatchingOptions.QueueLimit = null; // bounded by OtlpLogSink, which counts what it turns away
            options.BatchingOptions.BufferingTimeLimit = BufferingTime;
            options.BatchingOptions.RetryTimeLimit = OtlpLogSink.RetryTimeLimit;
        }).CreateLogger();
        var sink = new OtlpLogSink(exporter, health, context.Health, settings.QueueLimit, settings.Level ?? LogEventLevel.Verbose,
            OtlpLogSink.DefaultStopTimeout);
#pragma warning restore CA2000
        context.LoggerConfiguration.WriteTo.Sink(sink);
        Register(context, health);
        context.Publish(health);
    }

    /// <summary>
    /// The URL a signal is posted to. For http/protobuf the endpoint is a base, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is: the
    /// signal's path (<c>/v1/logs</c>, <c>/v1/metrics</c>) is added to it, after taking off a signal path it already ends in
    /// (so <c>http://c:4318/v1/logs</c> still sends metrics to <c>/v1/metrics</c>). gRPC endpoints are used as given.
    /// </summary>
    internal static string SignalEndpoint(Uri endpoint, bool grpc, string signal)
    {
        if (grpc)
        {
            return endpoint.ToString();
        }

        var path = endpoint.AbsolutePath.TrimEnd('/');
        foreach (var known in new[] { "/v1/logs", "/v1/metrics", "/v1/traces" })
        {
            if (path.EndsWith(known, StringComparison.Ordinal))
            {
                path = path[..^known.Length];
            }
        }

        return new UriBuilder(endpoint) { Path = path + "/v1/" + signal }.Uri.ToString();
    }

    private static void Register(TradingLogPipelineContext context, OtlpExportHealth health)
    {
        var tag = new KeyValuePair<string, object?>("service", context.Service);
        context.ObserveCounter(TradingLogInstruments.OtlpSent, "{event}", "Events handed to the OTLP exporter",
            () => [new Measurement<long>(health.Sent, tag)]);
        context.ObserveCounter(TradingLogInstruments.OtlpDropped, "{event}", "Events the OTLP export lost", () => [new Measurement<long>(health.Dropped, tag)]);
        context.ObserveCounter(TradingLogInstruments.OtlpDelivered, "{event}", "Events the collector accepted",
            () => [new Measurement<long>(health.Delivered, tag)]);
        context.ObserveGauge(TradingLogInstruments.OtlpPending, "{event}", "Events handed to the exporter and not yet delivered or dropped",
            () => [new Measurement<long>(health.Pending, tag)]);
        context.ObserveCounter(TradingLogInstruments.OtlpFailures, "{failure}", "Failed export attempts (retried)",
            () => [new Measurement<long>(health.Failures, tag)]);
    }
}
