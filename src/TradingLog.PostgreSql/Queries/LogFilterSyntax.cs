using System.Text;
using Serilog.Events;

namespace TradingLog.PostgreSql.Queries;

/// <summary>
/// The dashboard's search syntax, compiled into a <see cref="LogFilter"/> (and from there into parameterized SQL): terms
/// separated by spaces, all of which must hold.
/// <list type="bullet">
/// <item><c>service:execution</c> (several: <c>service:execution,risk_management</c>)</item>
/// <item><c>level>=WARNING</c>, <c>level>INFO</c>, <c>level:ERROR</c> (exactly), with the design's names or Serilog's</item>
/// <item><c>category:trading</c>, <c>type:order.placed</c> (also <c>event_type:</c>), <c>correlation:ID</c> (also <c>cid:</c>)</item>
/// <item><c>regex:"time(out|d out)"</c>: PostgreSQL's POSIX regular expression, ignoring case</item>
/// <item><c>pattern:0123456789abc</c>: events of one pattern (its ID as <c>tradelog patterns</c> shows it)</item>
/// <item>any other <c>name:value</c> or <c>name=value</c>: a structured property (<c>symbol:AAPL</c> finds <c>Symbol</c>)</item>
/// <item>words and <c>"quoted phrases"</c>: text the message contains, ignoring case (several: joined by a space)</item>
/// </list>
/// </summary>
public static class LogFilterSyntax
{
    /// <summary>Longest search text accepted, in characters.</summary>
    public const int MaxLength = 2_000;

    /// <summary>Reads <paramref name="text"/> into <paramref name="baseFilter"/>'s copy (time range and archive flag kept).</summary>
    /// <exception cref="FilterSyntaxException">A term is not understood: an unknown level or category, an empty value, an unclosed quote.</exception>
    public static LogFilter Parse(string? text, LogFilter? baseFilter = null)
    {
        var filter = baseFilter ?? new LogFilter();
        if (string.IsNullOrWhiteSpace(text))
        {
            return filter;
        }

        if (text.Length > MaxLength)
        {
            throw new FilterSyntaxException($"the search is {text.Length} characters long; at most {MaxLength} are accepted", MaxLength);
        }

        var services = new List<string>();
        var levels = new List<LogEventLevel>();
        var properties = new List<KeyValuePair<string, string>>();
        var words = new List<string>();
        foreach (var (term, position) in Terms(text))
        {
            var (name, op, value) = Split(term);
            if (name is null)
            {
                words.Add(value);
                continue;
            }

            if (value.Length == 0)
            {
                throw new FilterSyntaxException($"'{name}{op}' at position {position + 1} has no value", position);
            }

            switch (name.ToLowerInvariant())
            {
                case "service":
                    services.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(TradingLog.Configuration.TradingLogSettings.NormalizeServiceName));
                    break;
                case "level":
                    var level = Level(value, position);
                    switch (op)
                    {
                        case ">=":
                            filter = filter with { MinimumLevel = level };
                            break;
                        case ">":
                            filter = filter with { MinimumLevel = level == LogEventLevel.Fatal ? level : level + 1 };
                            break;
                        default:
                            levels.Add(level);
                            break;
                    }

                    break;
                case "category":
                    filter = filter with
                    {
                        Category = Enum.TryParse<LogCategory>(value, ignoreCase: true, out var category) && Enum.IsDefined(category)
                            ? category
                            : throw new FilterSyntaxException(
                                $"unknown category '{value}' at position {position + 1}; categories are {string.Join(", ", Enum.GetNames<LogCategory>())}",
                                position),
                    };
                    break;
                case "type" or "event_type" or "event":
                    filter = filter with { EventType = value };
                    break;
                case "correlation" or "correlation_id" or "cid":
                    filter = filter with { CorrelationId = value };
                    break;
                case "regex":
                    filter = filter with { Pattern = value };
                    break;
                case "pattern" or "pattern_id":
                    filter = filter with
                    {
                        PatternId = TradingLog.Patterns.Assignment.PatternIds.TryParse(value, out var pattern)
                            ? pattern
                            : throw new FilterSyntaxException(
                                $"'{value}' at position {position + 1} is not a pattern ID; write its 13 hexadecimal digits, as tradelog patterns shows them",
                                position),
                    };
                    break;
                default:
                    if (op is ">=" or ">")
                    {
                        throw new FilterSyntaxException($"'{name}{op}' at position {position + 1}: only level compares with > and >=", position);
                    }

                    properties.Add(new(name, value));
                    break;
            }
        }

        return filter with
        {
            Services = services.Count > 0 ? services : filter.Services,
            Levels = levels.Count > 0 ? levels : filter.Levels,
            Properties = properties.Count > 0 ? properties : filter.Properties,
            Text = words.Count > 0 ? string.Join(' ', words) : filter.Text,
        };
    }

    private static LogEventLevel Level(string value, int position) =>
        LevelNames.TryParse(value, out var level)
            ? level
            : throw new FilterSyntaxException(
                $"unknown level '{value}' at position {position + 1}; levels are TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL", position);

    /// <summary>A term's field name (null for free text), its operator and its value (quotes removed).</summary>
    private static (string? Name, string Op, string Value) Split(string term)
    {
        if (term.StartsWith('"'))
        {
            return (null, "", Unquote(term));
        }

        for (var i = 1; i < term.Length; i++)
        {
            var c = term[i];
            if (c == '"')
            {
                break;
            }

            if (c is ':' or '=' or '>')
            {
                var op = c == '>' && i + 1 < term.Length && term[i + 1] == '=' ? ">=" : c.ToString();
                var name = term[..i];
                if (!name.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.' or '-'))
                {
                    break;
                }

                return (name, op, Unquote(term[(i + op.Length)..]));
            }
        }

        return (null, "", term);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;

    /// <summary>Splits on spaces outside double quotes; a backslash escapes a quote inside them.</summary>
    private static IEnumerable<(string Term, int Position)> Terms(string text)
    {
        var current = new StringBuilder();
        var start = -1;
        var quoted = false;
        var quoteStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\' && i + 1 < text.Length && text[i + 1] == '"')
            {
                current.Append("\\\"");
                i++;
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
                quoteStart = i;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return (current.ToString(), start);
                    current.Clear();
                }

                start = -1;
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            current.Append(c);
        }

        if (quoted)
        {
            throw new FilterSyntaxException($"the quote at position {quoteStart + 1} is not closed", quoteStart);
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), start);
        }
    }
}
