using System.Globalization;

using TradingLog.Configuration;

namespace TradingLog.Formatting;

/// <summary>The part of Python's format mini-language that log formats use: <c>[[fill]align][0][width][.precision]</c>, as in <c>{level: &lt;8}</c>.</summary>
internal readonly record struct FormatSpec(char Fill, char Align, int Width, int Precision)
{
    public static readonly FormatSpec None = new(' ', '\0', 0, -1);

    public bool IsNone => Width == 0 && Precision < 0;

    public static FormatSpec Parse(string spec)
    {
        if (spec.Length == 0)
        {
            return None;
        }

        var i = 0;
        var fill = ' ';
        var align = '\0';
        if (spec.Length >= 2 && IsAlign(spec[1]))
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if (IsAlign(spec[0]))
        {
            align = spec[0];
            i = 1;
        }

        if (i < spec.Length && spec[i] is '+' or '-' or ' ')
        {
            i++;
        }

        if (i < spec.Length && spec[i] == '0' && align == '\0')
        {
            fill = '0';
            align = '=';
            i++;
        }

        var start = i;
        while (i < spec.Length && char.IsAsciiDigit(spec[i]))
        {
            i++;
        }

        var width = i > start ? int.Parse(spec.AsSpan(start, i - start), CultureInfo.InvariantCulture) : 0;
        var precision = -1;
        if (i < spec.Length && spec[i] == '.')
        {
            start = ++i;
            while (i < spec.Length && char.IsAsciiDigit(spec[i]))
            {
                i++;
            }

            if (i == start)
            {
                throw new FormatException($"{Echo.Of(spec)} has a '.' with no precision after it");
            }

            precision = int.Parse(spec.AsSpan(start, i - start), CultureInfo.InvariantCulture);
        }

        if (i < spec.Length && spec[i] is 's' or 'd')
        {
            i++;
        }

        return i == spec.Length
            ? new FormatSpec(fill, align, width, precision)
            : throw new FormatException($"{Echo.Of(spec)} is not a format specification such as ' <8' or '>5'");
    }

    /// <summary>Appends the value padded and cut as the spec says; numbers align right by default, text left.</summary>
    public void Append(System.Text.StringBuilder output, ReadOnlySpan<char> value, bool numeric)
    {
        if (Precision >= 0 && value.Length > Precision)
        {
            value = value[..Precision];
        }

        var pad = Width - value.Length;
        if (pad <= 0)
        {
            output.Append(value);
            return;
        }

        switch (Align == '\0' ? (numeric ? '>' : '<') : Align)
        {
            case '>' or '=':
                output.Append(Fill, pad).Append(value);
                break;
            case '^':
                output.Append(Fill, pad / 2).Append(value).Append(Fill, pad - (pad / 2));
                break;
            default:
                output.Append(value).Append(Fill, pad);
                break;
        }
    }

    private static bool IsAlign(char c) => c is '<' or '>' or '^' or '=';
}
