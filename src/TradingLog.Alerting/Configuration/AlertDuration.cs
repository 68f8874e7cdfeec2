using System.Globalization;
using System.Text.RegularExpressions;

namespace TradingLog.Alerting.Configuration;

/// <summary>Durations as alerting rules write them: <c>500ms</c>, <c>15s</c>, <c>5m</c>, <c>1h30m</c>, <c>2 min</c>, <c>1d</c>.</summary>
internal static partial class AlertDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return seconds >= 0 && seconds < TimeSpan.FromDays(3650).TotalSeconds;
        }

        var matches = Part().Matches(trimmed);
        var covered = string.Concat(matches.Select(m => m.Value)).Replace(" ", "", StringComparison.Ordinal);
        if (matches.Count == 0 || covered != trimmed.Replace(" ", "", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (Match match in matches)
        {
            var n = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            value += match.Groups[2].Value.ToLowerInvariant() switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" or "sec" or "second" or "seconds" => TimeSpan.FromSeconds(n),
                "m" or "min" or "minute" or "minutes" => TimeSpan.FromMinutes(n),
                "h" or "hour" or "hours" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromDays(n),
            };
        }

        return value < TimeSpan.FromDays(3650);
    }

    /// <summary>The shortest exact text of <paramref name="value"/>: <c>90s</c>, <c>5m</c>, <c>1h</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.TotalMilliseconds % 1000 != 0)
        {
            return value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        if (value.TotalDays % 1 == 0)
        {
            return value.TotalDays.ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (value.TotalHours % 1 == 0)
        {
            return value.TotalHours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        return value.TotalMinutes % 1 == 0
            ? value.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "m"
            : value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";
    }

    /// <summary>A duration for people, to the second: <c>45s</c>, <c>3m 20s</c>, <c>6h 12m</c>, <c>2d 4h</c>.</summary>
    public static string Describe(TimeSpan value)
    {
        value = TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
        static string Two(int big, string bigUnit, int small, string smallUnit) => small == 0 ? $"{big}{bigUnit}" : $"{big}{bigUnit} {small}{smallUnit}";
        return value.TotalDays >= 1 ? Two((int)value.TotalDays, "d", value.Hours, "h")
            : value.TotalHours >= 1 ? Two((int)value.TotalHours, "h", value.Minutes, "m")
            : value.TotalMinutes >= 1 ? Two((int)value.TotalMinutes, "m", value.Seconds, "s")
            : $"{(int)value.TotalSeconds}s";
    }

    [GeneratedRegex(@"\s*(\d+(?:\.\d+)?)\s*(ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|h|days|day|d)(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Part();
}
