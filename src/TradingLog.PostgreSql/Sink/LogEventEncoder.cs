using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Parsing;
using TradingLog.Patterns.Assignment;
using TradingLog.PostgreSql.Schema;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Turns a <see cref="LogEvent"/> into rows. Core fields go to their columns (timestamps in UTC), everything else to
/// <c>metadata</c>. Text is sanitised, VARCHAR values are cut to their column and flagged in <c>metadata.truncated</c>,
/// messages longer than the cap are cut and flagged, and non-finite numbers become null and are flagged. Each event is
/// given its pattern here, on the writer's thread (<see cref="PatternAssigner"/>); an event whose pattern cannot be
/// found is stored without one.
/// </summary>
/// <param name="maxMessageLength">Longest stored message, in characters.</param>
/// <param name="structured">Whether the event's own properties go to <c>metadata</c>.</param>
/// <param name="defaultService">The service of an event without a <c>Service</c> property (one from a plain Serilog pipeline).</param>
/// <param name="patterns">Whether events get their pattern (<c>database.patterns</c>).</param>
internal sealed class LogEventEncoder(int maxMessageLength, bool structured, string? defaultService = null, bool patterns = true) : IDisposable
{
    private readonly MetadataWriter _metadata = new();
    private readonly StringBuilder _message = new();
    private readonly List<string> _truncated = [];
    private readonly PatternAssigner _patterns = new();

    // Per message template (Serilog's parser hands out one instance per template text): whether it has holes. Per
    // pattern: its EventPattern, so that an event of a known pattern allocates nothing for it. Both bounded.
    private readonly Dictionary<MessageTemplate, bool> _holes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<long, EventPattern> _known = [];
    private const int MaxCached = 10_000;
    private static readonly System.Buffers.SearchValues<char> LettersAndDigits =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

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

        var service = Fit(Clean(Text(e, LogProperties.Service), ref sanitised) ?? defaultService ?? "unknown", LogColumns.Service)!;
        var level = Fit(LevelNames.ToName(e.Level), LogColumns.Level)!;
        var eventType = Fit(Clean(Text(e, LogProperties.EventType), ref sanitised), LogColumns.EventType);
        var correlationId = Fit(Clean(Text(e, LogProperties.CorrelationId), ref sanitised), LogColumns.CorrelationId);
        var category = Text(e, LogProperties.Category);
        var kind = e.Kind();

        TradeLogRow? trade = null;
        PerformanceLogRow? performance = null;
        var numbersDropped = false;
        if (kind == EventKind.Trade)
        {
            trade = new TradeLogRow(eventId, timestamp,
                Fit(e, LogProperties.Trade.Id, LogColumns.TradeId, ref sanitised),
                Fit(e, LogProperties.Trade.Symbol, LogColumns.Symbol, ref sanitised),
                Fit(e, LogProperties.Trade.Side, LogColumns.Side, ref sanitised),
                Decimal(e, LogProperties.Trade.Quantity, ref numbersDropped),
                Decimal(e, LogProperties.Trade.Price, ref numbersDropped),
                Fit(e, LogProperties.Trade.Strategy, LogColumns.Strategy, ref sanitised),
                Int(e, LogProperties.Trade.ExecutionTimeMs, ref numbersDropped),
                Fit(e, LogProperties.Trade.Status, LogColumns.Status, ref sanitised),
                Clean(Text(e, LogProperties.Trade.ErrorMessage), ref sanitised),
                correlationId);
        }
        else if (kind == EventKind.Performance)
        {
            performance = new PerformanceLogRow(eventId, timestamp, service,
                Fit(e, LogProperties.Performance.Operation, LogColumns.Operation, ref sanitised),
                Int(e, LogProperties.Performance.ExecutionTimeMs, ref numbersDropped),
                Microseconds(e, LogProperties.Performance.ExecutionTimeMs, ref numbersDropped),
                Int(e, LogProperties.Performance.MemoryUsageMb, ref numbersDropped),
                Decimal(e, LogProperties.Performance.CpuUsagePercent, ref numbersDropped),
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

        if (e.TryGetCaller(out var member, out var file, out var line))
        {
            _metadata.StartObject("caller");
            if (Text(e, LogProperties.CallerType) is { } callerType)
            {
                _metadata.String("type", callerType);
            }

            _metadata.String("member", member);
            _metadata.String("file", file);
            if (line is not null)
            {
                _metadata.Number("line", line.Value);
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
        var pattern = patterns ? Pattern(e, message) : null;
        var system = new SystemLogRow(eventId, timestamp, service, level, eventType, message, correlationId, metadata, pattern?.Id);
        return new EncodedEvent(system, trade, performance is null ? null : performance with { Metadata = metadata }, pattern);
    }

    public void Dispose() => _metadata.Dispose();

    private EventPattern? Pattern(LogEvent e, string message)
    {
        try
        {
            if (!_holes.TryGetValue(e.MessageTemplate, out var holes))
            {
                holes = HasHoles(e.MessageTemplate);
                if (_holes.Count < MaxCached)
                {
                    _holes[e.MessageTemplate] = holes;
                }
            }

            var assigned = _patterns.Assign(e.MessageTemplate.Text, holes, message);
            var replaced = _patterns.TakeReplacements();
            if (replaced.Count > 0)
            {
                return new EventPattern(assigned.Id, assigned.Template, assigned.SourceName, [.. replaced.Select(r => r.Replaced)]);
            }

            if (!_known.TryGetValue(assigned.Id, out var known))
            {
                known = new EventPattern(assigned.Id, assigned.Template, assigned.SourceName);
                if (_known.Count < MaxCached)
                {
                    _known[assigned.Id] = known;
                }
            }

            return known;
        }
        catch (Exception)
        {
            // A pattern is an index over the events, never a reason to lose one.
            return null;
        }
    }

    /// <summary>
    /// Whether the template names the event's kind: it has holes and words of its own. A template of holes alone
    /// (<c>{Message}</c>, <c>{Error}.</c>) passes free text through a template, and its events are mined like free text.
    /// </summary>
    private static bool HasHoles(MessageTemplate template)
    {
        var holes = false;
        var words = false;
        foreach (var token in template.Tokens)
        {
            if (token is PropertyToken)
            {
                holes = true;
            }
            else if (!words && token is TextToken text && text.Text.AsSpan().IndexOfAny(LettersAndDigits) >= 0)
            {
                words = true;
            }
        }

        return holes && words;
    }

    private string RenderMessage(LogEvent e)
    {
        var builder = _message.Clear();
        try
        {
            e.RenderMessage(builder);
            return builder.ToString();
        }
        catch (Exception)
        {
            return e.MessageTemplate.Text;
        }
    }

    private string? Fit(LogEvent e, string property, LogColumn column, ref bool sanitised) =>
        Fit(Clean(Text(e, property), ref sanitised), column);

    private string? Fit(string? value, LogColumn column) => TextSanitizer.Fit(value, column.MaxLength, column.Name, _truncated);

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

    /// <summary>A duration in milliseconds as whole microseconds: the precision <c>execution_time_ms</c> (an integer, as the design has it) loses.</summary>
    private static long? Microseconds(LogEvent e, string property, ref bool dropped)
    {
        var value = Decimal(e, property, ref dropped);
        if (value is null)
        {
            return null;
        }

        var micros = Math.Round(value.Value * 1000m, MidpointRounding.AwayFromZero);
        if (micros is >= long.MinValue and <= long.MaxValue)
        {
            return (long)micros;
        }

        dropped = true;
        return null;
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
