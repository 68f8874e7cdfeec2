using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using TradingLog.Configuration;
using TradingLog.Performance;

namespace TradingLog.Hosting;

/// <summary>Typed trade and performance events, and category scopes, for <see cref="ILogger"/> users.</summary>
public static class TradingLoggerExtensions
{
    private static readonly PerformanceSettings DefaultPerformance = new();

    /// <summary>Logs a trade with the columns of <c>trading_logs</c>, at Error when it has an error message, else Information.</summary>
    public static void LogTrade(this ILogger logger, in TradeRecord trade, LogLevel? level = null,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var effective = level ?? (trade.ErrorMessage is null ? LogLevel.Information : LogLevel.Error);
        if (!logger.IsEnabled(effective))
        {
            return;
        }

        var state = TypedEventFields.Trade(trade);
        state.Insert(0, new("{OriginalFormat}", TypedEventFields.TradeTemplate));
        Log(logger, effective, state, member, file, line);
    }

    /// <summary>
    /// Measures a block as one Performance event: <c>using (logger.Measure("place_order", performance)) { ... }</c>.
    /// The thresholds (slow-operation warning, memory tracking) are those of <paramref name="settings"/>: inject the
    /// service's <see cref="PerformanceSettings"/> (registered by <c>AddTradingLogging</c>) or use
    /// <see cref="TradingLogger.Measure"/>; without them the documented defaults apply.
    /// </summary>
    /// <param name="logger">The logger that writes the event.</param>
    /// <param name="operation">The operation's name, stored in <c>performance_logs.operation</c>.</param>
    /// <param name="settings">The service's performance settings; null for the defaults.</param>
    /// <param name="member">Filled in by the compiler.</param>
    /// <param name="file">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    /// <returns>A scope that logs when disposed; a no-op scope when performance logging is off.</returns>
    public static PerformanceScope Measure(this ILogger logger, string operation, PerformanceSettings? settings = null,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        settings ??= DefaultPerformance;
        return settings.Enabled
            ? new PerformanceScope(new LoggerPerformanceEmitter(logger), settings, operation, member, file, line)
            : PerformanceScope.Disabled;
    }

    /// <summary>
    /// For a helper that logs on behalf of its caller: the logger to use inside the helper, so that its lines name the
    /// caller's member, file and line (take them as the helper's own caller-info parameters and pass them here).
    /// <code>
    /// static async Task&lt;bool&gt; PostAsync(ILogger logger, string path, [CallerMemberName] string member = "",
    ///     [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    /// {
    ///     ... logger.ForCaller(member, file, line).LogWarning("Call to {Path} failed", path);
    /// }
    /// </code>
    /// </summary>
    /// <param name="logger">The logger.</param>
    /// <param name="member">The caller's member, from the helper's <c>[CallerMemberName]</c> parameter.</param>
    /// <param name="file">The caller's file, from the helper's <c>[CallerFilePath]</c> parameter.</param>
    /// <param name="line">The caller's line, from the helper's <c>[CallerLineNumber]</c> parameter.</param>
    /// <returns>A logger whose intercepted calls carry that call site.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is null.</exception>
    public static ILogger ForCaller(this ILogger logger, string member, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return new ForwardedCallerLogger(logger is ForwardedCallerLogger forwarded ? forwarded.Inner : logger, member, file, line);
    }

    /// <summary>Sets the category of everything logged inside the scope: <c>using (logger.BeginCategory(LogCategory.Risk))</c>.</summary>
    public static IDisposable? BeginCategory(this ILogger logger, LogCategory category) =>
        logger.BeginScope(new Dictionary<string, object> { [LogProperties.Category] = category.ToString() });

    internal static void Log(ILogger logger, LogLevel level, List<KeyValuePair<string, object?>> state, string member, string file, int line)
    {
        TypedEventFields.AddCaller(state, member, file, line);

        try
        {
            logger.Log(level, default, state, null, static (s, _) => Render(s));
        }
        catch (Exception e)
        {
            Serilog.Debugging.SelfLog.WriteLine("TradingLog could not log through ILogger: {0}", e);
        }
    }

    private static string Render(List<KeyValuePair<string, object?>> state)
    {
        var template = (string)state[0].Value!;
        foreach (var (key, value) in state)
        {
            template = template.Replace("{" + key + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return template;
    }
}
