using System.Globalization;
using System.Text.RegularExpressions;

using TradingLog.Configuration;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Parses durations such as <c>30s</c>, <c>15m</c>, <c>12h</c>, <c>1d</c>, <c>2w</c> for <c>--since</c>.</summary>
internal static partial class Since
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            return false;
        }

        var n = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var days = match.Groups[2].Value switch
        {
            "s" => n / 86_400,
            "m" => n / 1_440,
            "h" => n / 24,
            "d" => n,
            _ => 7 * n,
        };
        // Further back than the stored logs can go is not a window: refused instead of overflowing a date.
        if (days is <= 0 or > MaxDays)
        {
            return false;
        }

        duration = TimeSpan.FromDays(days);
        return true;
    }

    /// <summary>The longest window, in days: 100 years.</summary>
    public const int MaxDays = 36_525;

    public static string Error(string? text) => $"--since takes a duration up to 100 years, such as 30m, 12h, 1d or 2w, not {Echo.Of(text)}";

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")]
    private static partial Regex Pattern();
}
