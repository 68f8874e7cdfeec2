using System.Globalization;
using System.Text;

using TradingLog.Configuration;

namespace TradingLog.Formatting;

/// <summary>A compiled Loguru time format such as <c>YYYY-MM-DD HH:mm:ss.SSS</c>; a trailing <c>!UTC</c> renders in UTC.</summary>
internal sealed class TimePattern
{
    public const string DefaultPattern = "YYYY-MM-DDTHH:mm:ss.SSSSSSZ";

    // Longest first, so that MMMM wins over MM and M.
    private static readonly string[] Tokens =
    [
        "YYYY", "YY", "Q", "MMMM", "MMM", "MM", "M", "DDDD", "DDD", "DD", "D", "dddd", "ddd", "d", "E", "HH", "H", "hh", "h",
        "mm", "m", "ss", "s", "SSSSSS", "SSSSS", "SSSS", "SSS", "SS", "S", "X", "x", "A", "ZZ", "Z", "zz",
    ];

    private readonly (string? Token, string? Literal)[] _parts;

    private TimePattern((string?, string?)[] parts, bool utc)
    {
        _parts = parts;
        Utc = utc;
    }

    public bool Utc { get; }

    public static TimePattern Parse(string pattern)
    {
        var utc = pattern.EndsWith("!UTC", StringComparison.Ordinal);
        if (utc)
        {
            pattern = pattern[..^4];
        }

        if (pattern.Length == 0)
        {
            pattern = DefaultPattern;
        }

        var parts = new List<(string?, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length;)
        {
            if (pattern[i] == '[')
            {
                var end = pattern.IndexOf(']', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"time format {Echo.Of(pattern)} has a '[' without its ']'");
                }

                literal.Append(pattern, i + 1, end - i - 1);
                i = end + 1;
                continue;
            }

            var token = Array.Find(Tokens, t => string.CompareOrdinal(pattern, i, t, 0, t.Length) == 0);
            if (token is null)
            {
                literal.Append(pattern[i++]);
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add((null, literal.ToString()));
                literal.Clear();
            }

            parts.Add((token, null));
            i += token.Length;
        }

        if (literal.Length > 0)
        {
            parts.Add((null, literal.ToString()));
        }

        return new TimePattern([.. parts], utc);
    }

    public void Append(StringBuilder output, DateTimeOffset timestamp)
    {
        var t = Utc ? timestamp.ToUniversalTime() : timestamp.ToLocalTime();
        var inv = CultureInfo.InvariantCulture;
        foreach (var (token, literal) in _parts)
        {
            switch (token)
            {
                case null: output.Append(literal); break;
                case "YYYY": output.Append(inv, $"{t.Year:D4}"); break;
                case "YY": output.Append(inv, $"{t.Year % 100:D2}"); break;
                case "Q": output.Append(((t.Month - 1) / 3) + 1); break;
                case "MMMM": output.Append(inv.DateTimeFormat.GetMonthName(t.Month)); break;
                case "MMM": output.Append(inv.DateTimeFormat.GetAbbreviatedMonthName(t.Month)); break;
                case "MM": output.Append(inv, $"{t.Month:D2}"); break;
                case "M": output.Append(t.Month); break;
                case "DDDD": output.Append(inv, $"{t.DayOfYear:D3}"); break;
                case "DDD": output.Append(t.DayOfYear); break;
                case "DD": output.Append(inv, $"{t.Day:D2}"); break;
                case "D": output.Append(t.Day); break;
                case "dddd": output.Append(inv.DateTimeFormat.GetDayName(t.DayOfWeek)); break;
                case "ddd": output.Append(inv.DateTimeFormat.GetAbbreviatedDayName(t.DayOfWeek)); break;
                case "d": output.Append((int)t.DayOfWeek); break;
                case "E": output.Append(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek); break;
                case "HH": output.Append(inv, $"{t.Hour:D2}"); break;
                case "H": output.Append(t.Hour); break;
                case "hh": output.Append(inv, $"{Hour12(t.Hour):D2}"); break;
                case "h": output.Append(Hour12(t.Hour)); break;
                case "mm": output.Append(inv, $"{t.Minute:D2}"); break;
                case "m": output.Append(t.Minute); break;
                case "ss": output.Append(inv, $"{t.Second:D2}"); break;
                case "s": output.Append(t.Second); break;
                case "X": output.Append(t.ToUnixTimeSeconds()); break;
                case "x": output.Append((t.UtcTicks - DateTime.UnixEpoch.Ticks) / 10); break;
                case "A": output.Append(t.Hour < 12 ? "AM" : "PM"); break;
                case "ZZ": AppendOffset(output, t.Offset, colon: false); break;
                case "Z": AppendOffset(output, t.Offset, colon: true); break;
                case "zz": output.Append(Utc || t.Offset == TimeSpan.Zero ? "UTC" : TimeZoneInfo.Local.StandardName); break;
                default: AppendFraction(output, t, token.Length); break;
            }
        }
    }

    private static int Hour12(int hour) => hour % 12 == 0 ? 12 : hour % 12;

    private static void AppendFraction(StringBuilder output, DateTimeOffset t, int digits)
    {
        // Ticks are 100 ns: seven fractional digits, of which the pattern keeps the first few.
        var fraction = (int)(t.Ticks % TimeSpan.TicksPerSecond);
        var value = fraction / (int)Math.Pow(10, 7 - digits);
        output.Append(value.ToString(new string('0', digits), CultureInfo.InvariantCulture));
    }

    private static void AppendOffset(StringBuilder output, TimeSpan offset, bool colon)
    {
        output.Append(offset < TimeSpan.Zero ? '-' : '+');
        offset = offset.Duration();
        output.Append(CultureInfo.InvariantCulture, $"{offset.Hours:D2}");
        if (colon)
        {
            output.Append(':');
        }

        output.Append(CultureInfo.InvariantCulture, $"{offset.Minutes:D2}");
    }
}
