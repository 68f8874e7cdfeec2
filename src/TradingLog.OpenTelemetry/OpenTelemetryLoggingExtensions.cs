using TradingLog.OpenTelemetry.Logs;

namespace TradingLog.OpenTelemetry;

/// <summary>Entry point: <c>TradingLogging.Configure("execution", o =&gt; o.UseOpenTelemetry())</c> or the same in <c>AddTradingLogging</c>.</summary>
public static class OpenTelemetryLoggingExtensions
{
    /// <summary>
    /// Sends every event, also, as an OpenTelemetry log record to <c>logging.otlp.endpoint</c> (nothing while it is unset).
    /// The files and the database do not wait for, and never lose an event to, the collector; what the export loses is
    /// counted in <see cref="OtlpExportHealth"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static TradingLogOptions UseOpenTelemetry(this TradingLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Extensions.Add(new OtlpExtension());
        return options;
    }
}
