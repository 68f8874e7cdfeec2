using System.Text;
using Serilog.Events;
using TradingLog.Formatting;

namespace TradingLog;

/// <summary>
/// Reads TradingLog's fields from a Serilog <see cref="LogEvent"/>: for sinks that store TradingLog events, such as the
/// PostgreSQL sink, so that they agree with the files on what an event is, where it was written and how its message reads.
/// </summary>
public static class LogEventExtensions
{
    /// <summary>Whether the event is a trade, a performance sample or an ordinary event (see <see cref="EventKind"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="logEvent"/> is null.</exception>
    public static EventKind Kind(this LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return (Text(logEvent, LogProperties.Category), Text(logEvent, LogProperties.EventType)) switch
        {
            (nameof(LogCategory.Trading), LogProperties.TradeEventType) => EventKind.Trade,
            (nameof(LogCategory.Performance), LogProperties.PerformanceEventType) => EventKind.Performance,
            _ => EventKind.Log,
        };
    }

    /// <summary>Whether the event's <see cref="LogProperties.Category"/> is <paramref name="category"/>; false for an event without one.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="logEvent"/> is null.</exception>
    public static bool IsCategory(this LogEvent logEvent, LogCategory category)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return logEvent.Properties.TryGetValue(LogProperties.Category, out var value)
            && value is ScalarValue { Value: string name }
            && string.Equals(name, category.ToString(), StringComparison.Ordinal);
    }

    private static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: string text } ? text : null;

    /// <summary>
    /// The call site: from the one <see cref="LogProperties.Caller"/> value a <see cref="TradingLogger"/> event carries, or
    /// from the three <c>Caller*</c> properties of a Microsoft.Extensions.Logging event.
    /// </summary>
    /// <param name="logEvent">The event.</param>
    /// <param name="member">The calling member.</param>
    /// <param name="fileName">The source file's name without its folder, or null when unknown.</param>
    /// <param name="line">The source line (1-based), or null when unknown.</param>
    /// <returns>False when the event carries no caller information.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logEvent"/> is null.</exception>
    public static bool TryGetCaller(this LogEvent logEvent, out string member, out string? fileName, out long? line)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (EventFields.Member(logEvent) is not { } found)
        {
            (member, fileName, line) = ("", null, null);
            return false;
        }

        (member, fileName, line) = (found, EventFields.SourceFileName(logEvent), EventFields.LineValue(logEvent));
        return true;
    }

    /// <summary>
    /// Appends the message as TradingLog's files show it (Serilog's <c>{Message:lj}</c>: strings unquoted, structured values
    /// as JSON). Never throws for a value's own formatting failure.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void RenderMessage(this LogEvent logEvent, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        MessageText.Render(logEvent, output);
    }
}
