using System.Security.Cryptography;
using System.Text;
using TradingLog.Alerting.Configuration;

namespace TradingLog.Alerting.Engine;

/// <summary>
/// An alert's labels (<c>alertname</c>, <c>severity</c>, <c>type</c>, <c>service</c>, the rule's own, and those the rule
/// measured, such as <c>pattern_id</c> and <c>pattern</c>) and their fingerprint.
/// </summary>
internal static class AlertLabels
{
    public static SortedDictionary<string, string> Of(AlertRule rule, string? service, IReadOnlyDictionary<string, string>? measured = null)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in rule.Labels)
        {
            labels[name] = value;
        }

        foreach (var (name, value) in measured ?? new Dictionary<string, string>())
        {
            labels[name] = value;
        }

        labels["alertname"] = rule.Name;
        labels["severity"] = rule.Severity;
        labels["type"] = AlertRuleTypes.NameOf(rule.Type);
        if ((service ?? rule.Service) is { } s)
        {
            labels["service"] = s;
        }

        return labels;
    }

    /// <summary>A stable identity of a label set: 16 hex digits of the SHA-256 of its sorted pairs.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> labels)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\u0001').Append(value).Append('\u0002');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>Whether every matcher's label has exactly its value.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> matchers) =>
        matchers.All(m => labels.TryGetValue(m.Key, out var value) && value == m.Value);
}
