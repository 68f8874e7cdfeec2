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
        duration = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
        return duration > TimeSpan.Zero;
    }

    public static string Error(string? text) => $"--since takes a duration such as 30m, 12h, 1d or 2w, not {Echo.Of(text)}";

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")]
    private static partial Regex Pattern();
}
