using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using TradingLog.Configuration;
using TradingLog.Performance;

namespace TradingLog.Hosting;

/// <summary>Typed trade and performance events, and category scopes, for <see cref="ILogger"/> users.</summary>
public static class TradingLoggerExtensions
{
    /// <summary>Logs a trade with the columns of <c>trading_logs</c>, at Error when it has an error message, else Information.</summary>
    public static void LogTrade(this ILogger logger, in TradeRecord trade, LogLevel? level = null,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var effective = level ?? (trade.ErrorMessage is null ? LogLevel.Information : LogLevel.Error);
        if (!logger.IsEnabled(effective))
        {
            return;
        }

        var state = new List<KeyValuePair<string, object?>>(16)
        {
            new("{OriginalFormat}", "Trade {TradeId} {Side} {Quantity} {Symbol} @ {Price} {Status}"),
            new(LogProperties.Category, nameof(LogCategory.Trading)),
            new(LogProperties.EventType, "trade"),
            new(LogProperties.CorrelationId, trade.CorrelationId ?? trade.TradeId),
            new("TradeId", trade.TradeId),
            new("Symbol", trade.Symbol),
            new("Side", trade.Side),
            new("Quantity", trade.Quantity),
            new("Price", trade.Price),
            new("Status", trade.Status),
        };
        AddIfNotNull(state, "Strategy", trade.Strategy);
        AddIfNotNull(state, "ExecutionTimeMs", trade.ExecutionTimeMs);
        AddIfNotNull(state, "ErrorMessage", trade.ErrorMessage);
        Log(logger, effective, state, member, file, line);
    }

    /// <summary>Measures a block as one Performance event: <c>using (logger.Measure("place_order")) { ... }</c>.</summary>
    public static PerformanceScope Measure(this ILogger logger, string operation,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var settings = TradingLogHost.Current?.Settings.Performance ?? new PerformanceSettings();
        return settings.Enabled ? new PerformanceScope(new LoggerPerformanceEmitter(logger), settings, operation, member, file, line) : PerformanceScope.Disabled;
    }

    /// <summary>Sets the category of everything logged inside the scope: <c>using (logger.BeginCategory(LogCategory.Risk))</c>.</summary>
    public static IDisposable? BeginCategory(this ILogger logger, LogCategory category) =>
        logger.BeginScope(new Dictionary<string, object> { [LogProperties.Category] = category.ToString() });

    internal static void Log(ILogger logger, LogLevel level, List<KeyValuePair<string, object?>> state, string member, string file, int line)
    {
        if (member.Length > 0)
        {
            state.Add(new(LogProperties.CallerMember, member));
            state.Add(new(LogProperties.CallerFile, file));
            state.Add(new(LogProperties.CallerLine, line));
        }

        try
        {
            logger.Log(level, default, state, null, static (s, _) => Render(s));
        }
        catch (Exception e)
        {
            Serilog.Debugging.SelfLog.WriteLine("TradingLog could not log through ILogger: {0}", e);
        }
    }

    internal static void AddIfNotNull(List<KeyValuePair<string, object?>> state, string name, object? value)
    {
        if (value is not null)
        {
            state.Add(new(name, value));
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
