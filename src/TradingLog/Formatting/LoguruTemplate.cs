using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting.Json;
using TradingLog.Pipeline;

namespace TradingLog.Formatting;

/// <summary>
/// A compiled Loguru format string such as the design's
/// <c>{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: &lt;8} | {name}:{function}:{line} | {message}</c>.
/// Supported fields are listed in <see cref="Fields"/>; colour markup such as <c>&lt;green&gt;</c> is honoured on a colour console and stripped elsewhere.
/// </summary>
internal sealed class LoguruTemplate
{
    public static readonly string[] Fields =
    [
        "time", "level", "level.name", "level.no", "level.icon", "message", "name", "function", "line", "file", "file.name",
        "file.path", "module", "process", "process.id", "process.name", "thread", "thread.id", "thread.name", "elapsed",
        "exception", "extra", "extra[KEY]",
    ];

    private static readonly JsonValueFormatter JsonValues = new("$type");

    private readonly TemplatePart[] _parts;

    private LoguruTemplate(TemplatePart[] parts)
    {
        _parts = parts;
        HasException = parts.Any(p => p is { Kind: TemplatePartKind.Field, Text: "exception" });
        HasMarkup = parts.Any(p => p.Kind is TemplatePartKind.MarkupOpen or TemplatePartKind.MarkupClose);
        UsesThread = parts.Any(p => p.Kind == TemplatePartKind.Field && p.Text.StartsWith("thread", StringComparison.Ordinal));
    }

    /// <summary>Whether <c>{exception}</c> appears; if not, an exception is appended on the lines after the message, as Loguru does.</summary>
    public bool HasException { get; }

    public bool HasMarkup { get; }

    /// <summary>Whether the format shows the thread, which then has to be captured at the call site.</summary>
    public bool UsesThread { get; }

    public static LoguruTemplate Parse(string format)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{' || c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                literal.Append(c);
                i += 2;
            }
            else if (c == '\\' && i + 1 < format.Length && format[i + 1] == '<')
            {
                literal.Append('<');
                i += 2;
            }
            else if (c == '{')
            {
                var end = format.IndexOf('}', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"the '{{' at position {i + 1} has no closing '}}'");
                }

                Flush(parts, literal);
                parts.Add(ParseField(format[(i + 1)..end]));
                i = end + 1;
            }
            else if (c == '}')
            {
                throw new FormatException($"the '}}' at position {i + 1} has no opening '{{' (write '}}}}' for a literal brace)");
            }
            else if (c == '<' && TryParseTag(format, i, out var tag, out var closing, out var length))
            {
                Flush(parts, literal);
                parts.Add(new TemplatePart(closing ? TemplatePartKind.MarkupClose : TemplatePartKind.MarkupOpen, tag, FormatSpec.None));
                i += length;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        Flush(parts, literal);
        return new LoguruTemplate([.. parts]);
    }

    /// <summary>Renders one event, without the line terminator. With <paramref name="colored"/>, ANSI codes are written.</summary>
    public void Render(LogEvent e, StringWriter writer, bool colored)
    {
        var output = writer.GetStringBuilder();
        var styles = colored && HasMarkup ? new Stack<string>() : null;
        var autoColor = colored && !HasMarkup;
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case TemplatePartKind.Literal:
                    output.Append(part.Text);
                    break;
                case TemplatePartKind.Time:
                    AppendTime(output, part, e.Timestamp);
                    break;
                case TemplatePartKind.MarkupOpen when styles is not null:
                    var code = AnsiStyle.Of(part.Text, e.Level);
                    styles.Push(code);
                    output.Append(code);
                    break;
                case TemplatePartKind.MarkupClose when styles is not null:
                    styles.TryPop(out _);
                    output.Append(AnsiStyle.Reset);
                    foreach (var style in styles.Reverse())
                    {
                        output.Append(style);
                    }

                    break;
                case TemplatePartKind.Field:
                    var wrap = autoColor && (part.Text.StartsWith("level", StringComparison.Ordinal) || part.Text == "message");
                    if (wrap)
                    {
                        output.Append(AnsiStyle.OfLevel(e.Level));
                    }

                    AppendField(writer, part, e);
                    if (wrap)
                    {
                        output.Append(AnsiStyle.Reset);
                    }

                    break;
            }
        }

        if (styles is { Count: > 0 })
        {
            output.Append(AnsiStyle.Reset);
        }

        if (!HasException && e.Exception is not null)
        {
            output.Append('\n').Append(SafeText.Of(e.Exception));
        }
    }

    private static void AppendTime(StringBuilder output, TemplatePart part, DateTimeOffset timestamp)
    {
        if (part.Spec.IsNone)
        {
            part.Time!.Append(output, timestamp);
            return;
        }

        var scratch = new StringBuilder();
        part.Time!.Append(scratch, timestamp);
        part.Spec.Append(output, scratch.ToString(), numeric: false);
    }

    private static void AppendField(StringWriter writer, TemplatePart part, LogEvent e)
    {
        var output = writer.GetStringBuilder();
        switch (part.Text)
        {
            case "message" when part.Spec.IsNone:
                MessageText.Render(e, output);
                return;
            case "message":
                part.Spec.Append(output, MessageText.Render(e), numeric: false);
                return;
            case "extra":
                using (var extra = new StringWriter(CultureInfo.InvariantCulture))
                {
                    WriteExtra(extra, e);
                    part.Spec.Append(output, extra.ToString(), numeric: false);
                }

                return;
            case "extra[]":
                var value = EventFields.Extra(e, part.Key!);
                using (var rendered = new StringWriter(CultureInfo.InvariantCulture))
                {
                    if (value is ScalarValue { Value: string s })
                    {
                        rendered.Write(s);
                    }
                    else
                    {
                        value?.Render(rendered, null, CultureInfo.InvariantCulture);
                    }

                    part.Spec.Append(output, rendered.ToString(), numeric: value is ScalarValue { Value: int or long or decimal or double });
                }

                return;
        }

        var (text, numeric) = part.Text switch
        {
            "level" or "level.name" => (LevelNames.ToName(e.Level), false),
            "level.no" => (LevelNames.ToNumber(e.Level).ToString(CultureInfo.InvariantCulture), true),
            "level.icon" => ("", false),
            "name" => (EventFields.Name(e), false),
            "function" => (EventFields.Function(e), false),
            "line" => (EventFields.Line(e), true),
            "file" or "file.name" => (EventFields.FileName(e), false),
            "file.path" => (EventFields.FilePath(e), false),
            "module" => (EventFields.Module(e), false),
            "process" or "process.id" => (EventFields.ProcessId.ToString(CultureInfo.InvariantCulture), true),
            "process.name" => (EventFields.ProcessName, false),
            "thread" or "thread.name" or "thread.id" => (EventFields.Text(e, ThreadEnricher.PropertyName) ?? EventFields.Unknown, part.Text == "thread.id"),
            "elapsed" => (EventFields.Elapsed(e).ToString(@"d\.hh\:mm\:ss\.ffffff", CultureInfo.InvariantCulture), false),
            "exception" => (e.Exception is null ? "" : SafeText.Of(e.Exception), false),
            _ => ("", false),
        };
        part.Spec.Append(output, text, numeric);
    }

    /// <summary>Writes the non-core properties as a compact JSON object, the way <c>{extra}</c> shows Loguru's dict.</summary>
    internal static void WriteExtra(TextWriter output, LogEvent e)
    {
        output.Write('{');
        var first = true;
        foreach (var (name, value) in e.Properties)
        {
            if (LogProperties.IsCore(name))
            {
                continue;
            }

            if (!first)
            {
                output.Write(',');
            }

            first = false;
            JsonValueFormatter.WriteQuotedJsonString(name, output);
            output.Write(':');
            JsonValues.Format(value, output);
        }

        output.Write('}');
    }

    private static TemplatePart ParseField(string body)
    {
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? body : body[..colon]).Trim();
        var spec = colon < 0 ? "" : body[(colon + 1)..];
        if (name == "time")
        {
            return new TemplatePart(TemplatePartKind.Time, name, FormatSpec.None, TimePattern.Parse(spec));
        }

        var parsedSpec = FormatSpec.Parse(spec);
        if (name.StartsWith("extra[", StringComparison.Ordinal) && name.EndsWith(']'))
        {
            var key = name[6..^1].Trim('\'', '"');
            return key.Length == 0
                ? throw new FormatException("{extra[]} needs a key, as in {extra[correlation_id]}")
                : new TemplatePart(TemplatePartKind.Field, "extra[]", parsedSpec, Key: key);
        }

        return Array.IndexOf(Fields, name) >= 0
            ? new TemplatePart(TemplatePartKind.Field, name, parsedSpec)
            : throw new FormatException($"{{{name}}} is not a known field; use {string.Join(", ", Fields.Select(f => "{" + f + "}"))}");
    }

    private static bool TryParseTag(string format, int start, out string tag, out bool closing, out int length)
    {
        tag = "";
        closing = false;
        length = 0;
        var end = format.IndexOf('>', start + 1);
        if (end < 0)
        {
            return false;
        }

        var body = format[(start + 1)..end];
        closing = body.StartsWith('/');
        var name = closing ? body[1..] : body;
        if (closing && name.Length == 0)
        {
            length = end - start + 1;
            return true;
        }

        if (!AnsiStyle.IsTag(name))
        {
            return false;
        }

        tag = name;
        length = end - start + 1;
        return true;
    }

    private static void Flush(List<TemplatePart> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(TemplatePartKind.Literal, literal.ToString(), FormatSpec.None));
            literal.Clear();
        }
    }
}
