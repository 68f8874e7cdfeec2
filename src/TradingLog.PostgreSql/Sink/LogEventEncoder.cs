using System.Globalization;
using Serilog.Events;
using TradingLog.Formatting;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Turns a <see cref="LogEvent"/> into rows. Core fields go to their columns (timestamps in UTC), everything else to
/// <c>metadata</c>. Text is sanitised, VARCHAR values are cut to their column and flagged in <c>metadata.truncated</c>,
/// messages longer than the cap are cut and flagged, and non-finite numbers become null and are flagged.
/// </summary>
/// <param name="maxMessageLength">Longest stored message, in characters.</param>
/// <param name="structured">Whether the event's own properties go to <c>metadata</c>.</param>
/// <param name="defaultService">The service of an event without a <c>Service</c> property (one from a plain Serilog pipeline).</param>
internal sealed class LogEventEncoder(int maxMessageLength, bool structured, string? defaultService = null)
{
    private readonly MetadataWriter _metadata = new();
    private readonly StringWriter _message = new(CultureInfo.InvariantCulture);
    private readonly List<string> _truncated = [];

    public EncodedEvent Encode(LogEvent e)
    {
        _truncated.Clear();
        var eventId = Text(e, LogProperties.EventId) is { } id && Guid.TryParse(id, out var given) ? given : EventIds.New(e.Timestamp);
        var timestamp = e.Timestamp.UtcDateTime;
        var sanitised = false;
        var message = TextSanitizer.Clean(RenderMessage(e), ref sanitised);
        var originalLength = message.Length;
        if (message.Length > maxMessageLength)
        {
            message = TextSanitizer.Fit(message, maxMessageLength, "message", _truncated)!;
        }

        var service = TextSanitizer.Fit(Clean(Text(e, LogProperties.Service), ref sanitised) ?? defaultService ?? "unknown", 50, "service", _truncated)!;
        var level = TextSanitizer.Fit(LevelNames.ToName(e.Level), 10, "level", _truncated)!;
        var eventType = TextSanitizer.Fit(Clean(Text(e, LogProperties.EventType), ref sanitised), 100, "event_type", _truncated);
        var correlationId = TextSanitizer.Fit(Clean(Text(e, LogProperties.CorrelationId), ref sanitised), 100, "correlation_id", _truncated);
        var category = Text(e, LogProperties.Category);

        TradeLogRow? trade = null;
        PerformanceLogRow? performance = null;
        var numbersDropped = false;
        if (category == nameof(LogCategory.Trading) && eventType == "trade")
        {
            trade = new TradeLogRow(eventId, timestamp,
                Fit(e, "TradeId", 100, "trade_id", ref sanitised),
                Fit(e, "Symbol", 20, "symbol", ref sanitised),
                Fit(e, "Side", 10, "side", ref sanitised),
                Decimal(e, "Quantity", ref numbersDropped),
                Decimal(e, "Price", ref numbersDropped),
                Fit(e, "Strategy", 100, "strategy", ref sanitised),
                Int(e, "ExecutionTimeMs", ref numbersDropped),
                Fit(e, "Status", 50, "status", ref sanitised),
                Clean(Text(e, "ErrorMessage"), ref sanitised),
                correlationId);
        }
        else if (category == nameof(LogCategory.Performance) && eventType == "performance")
        {
            performance = new PerformanceLogRow(eventId, timestamp, service,
                Fit(e, "Operation", 100, "operation", ref sanitised),
                Int(e, "ExecutionTimeMs", ref numbersDropped),
                Int(e, "MemoryUsageMb", ref numbersDropped),
                Decimal(e, "CpuUsagePercent", ref numbersDropped),
                []);
        }

        _metadata.Begin();
        if (category is not null)
        {
            _metadata.String("category", category);
        }

        if (Text(e, LogProperties.SourceContext) is { } source)
        {
            _metadata.String("source_context", source);
        }

        if (EventFields.Member(e) is { } member)
        {
            _metadata.StartObject("caller");
            _metadata.String("member", member);
            _metadata.String("file", EventFields.SourceFileName(e));
            if (EventFields.LineValue(e) is { } line)
            {
                _metadata.Number("line", line);
            }

            _metadata.EndObject();
        }

        if (e.TraceId is { } traceId)
        {
            _metadata.String("trace_id", traceId.ToHexString());
            _metadata.String("span_id", e.SpanId?.ToHexString());
        }

        if (e.Exception is not null)
        {
            _metadata.Exception(e.Exception);
        }

        if (structured)
        {
            var any = false;
            foreach (var (name, value) in e.Properties)
            {
                if (LogProperties.IsCore(name))
                {
                    continue;
                }

                if (!any)
                {
                    _metadata.StartObject("properties");
                    any = true;
                }

                _metadata.Property(name, value);
            }

            if (any)
            {
                _metadata.EndObject();
            }
        }

        if (_truncated.Count > 0)
        {
            _metadata.Flags("truncated", _truncated);
            if (_truncated.Contains("message"))
            {
                _metadata.Number("message_length", originalLength);
            }
        }

        if (sanitised || numbersDropped || _metadata.Sanitised)
        {
            _metadata.String("sanitised", "text had NUL characters, unpaired surrogates, non-finite numbers or unrenderable values; they were replaced");
        }

        var metadata = _metadata.End();
        var system = new SystemLogRow(eventId, timestamp, service, level, eventType, message, correlationId, metadata);
        return new EncodedEvent(system, trade, performance is null ? null : performance with { Metadata = metadata });
    }

    private string RenderMessage(LogEvent e)
    {
        var builder = _message.GetStringBuilder();
        builder.Clear();
        try
        {
            MessageText.Render(e, builder);
            return builder.ToString();
        }
        catch (Exception)
        {
            return e.MessageTemplate.Text;
        }
    }

    private string? Fit(LogEvent e, string property, int max, string column, ref bool sanitised) =>
        TextSanitizer.Fit(Clean(Text(e, property), ref sanitised), max, column, _truncated);

    private static string? Clean(string? text, ref bool sanitised) => text is null ? null : TextSanitizer.Clean(text, ref sanitised);

    private static string? Text(LogEvent e, string property)
    {
        if (!e.Properties.TryGetValue(property, out var value) || value is not ScalarValue { Value: { } v })
        {
            return null;
        }

        try
        {
            return Convert.ToString(v, CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static decimal? Decimal(LogEvent e, string property, ref bool dropped)
    {
        if (!e.Properties.TryGetValue(property, out var value) || value is not ScalarValue { Value: { } v })
        {
            return null;
        }

        switch (v)
        {
            case decimal m:
                return m;
            case double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28:
                return (decimal)d;
            case float f when float.IsFinite(f) && Math.Abs(f) < 7.9e28f:
                return (decimal)f;
            case int or long or short or uint or ulong:
                return Convert.ToDecimal(v, CultureInfo.InvariantCulture);
            default:
                dropped = true;
                return null;
        }
    }

    private static int? Int(LogEvent e, string property, ref bool dropped)
    {
        var value = Decimal(e, property, ref dropped);
        if (value is null)
        {
            return null;
        }

        var rounded = Math.Round(value.Value, MidpointRounding.AwayFromZero);
        if (rounded is >= int.MinValue and <= int.MaxValue)
        {
            return (int)rounded;
        }

        dropped = true;
        return null;
    }
}
