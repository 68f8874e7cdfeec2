using System.Text;
using System.Text.RegularExpressions;

namespace TradingLog.Alerting.Configuration;

/// <summary>
/// A rule's <c>summary</c>: text with placeholders <c>{alertname}</c>, <c>{service}</c>, <c>{value}</c>,
/// <c>{threshold}</c>, <c>{window}</c>, <c>{severity}</c>, <c>{type}</c> and <c>{labels.NAME}</c>, filled in when the
/// alert changes state. <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal static partial class SummaryTemplate
{
    private static readonly string[] Names = ["alertname", "rule", "service", "value", "threshold", "window", "severity", "type"];

    /// <summary>Why <paramref name="template"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string template)
    {
        var stripped = template.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal);
        foreach (Match match in Placeholder().Matches(stripped))
        {
            var name = match.Groups[1].Value;
            if (!Names.Contains(name) && !name.StartsWith("labels.", StringComparison.Ordinal))
            {
                return $"unknown placeholder {{{name}}}; use {string.Join(", ", Names.Select(n => "{" + n + "}"))} or {{labels.NAME}}";
            }
        }

        var rest = Placeholder().Replace(stripped, "");
        return rest.Contains('{') || rest.Contains('}') ? "an unmatched { or }; write {{ or }} for a literal brace" : null;
    }

    public static string Render(string template, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> labels)
    {
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            var end = c == '{' ? template.IndexOf('}', i) : -1;
            if (end < 0)
            {
                text.Append(c);
                continue;
            }

            var name = template[(i + 1)..end];
            text.Append(name.StartsWith("labels.", StringComparison.Ordinal)
                ? labels.GetValueOrDefault(name["labels.".Length..], "")
                : values.GetValueOrDefault(name, ""));
            i = end;
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\{([a-zA-Z_][a-zA-Z0-9_.]*)\}")]
    private static partial Regex Placeholder();
}
