using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Json;

namespace TradingLog.Formatting;

/// <summary>
/// Formats events as one JSON object per line (<c>json_format: true</c>): time, level, service, category, event_type,
/// correlation_id, message, name, function, line, exception, and the other properties under <c>extra</c> when
/// <c>structured</c> is on.
/// </summary>
internal sealed class JsonLineFormatter(bool structured) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        output.Write("{\"time\":\"");
        output.Write(logEvent.Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        output.Write('"');
        Field(output, "level", LevelNames.ToName(logEvent.Level));
        Field(output, "service", EventFields.Text(logEvent, LogProperties.Service));
        Field(output, "category", EventFields.Text(logEvent, LogProperties.Category));
        Field(output, "event_type", EventFields.Text(logEvent, LogProperties.EventType));
        Field(output, "correlation_id", EventFields.Text(logEvent, LogProperties.CorrelationId));
        Field(output, "message", MessageText.Render(logEvent));
        Field(output, "name", EventFields.Name(logEvent));
        Field(output, "function", EventFields.Member(logEvent));
        if (EventFields.LineNumber(logEvent) is { } line)
        {
            output.Write(",\"line\":");
            output.Write(line);
        }

        if (logEvent.TraceId is { } traceId)
        {
            Field(output, "trace_id", traceId.ToHexString());
        }

        if (logEvent.Exception is not null)
        {
            Field(output, "exception", SafeText.Of(logEvent.Exception));
        }

        if (structured)
        {
            output.Write(",\"extra\":");
            LoguruTemplate.WriteExtra(output, logEvent);
        }

        output.Write("}\n");
    }

    private static void Field(TextWriter output, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        output.Write(",\"");
        output.Write(name);
        output.Write("\":");
        JsonValueFormatter.WriteQuotedJsonString(value, output);
    }
}
