using System.Text;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Makes text storable in PostgreSQL: NUL characters (which text and jsonb reject) and unpaired surrogates (which are
/// not UTF-8) become U+FFFD, and values longer than their VARCHAR column are cut without splitting a surrogate pair.
/// </summary>
internal static class TextSanitizer
{
    public const char Replacement = '\uFFFD';

    /// <summary>Whether <paramref name="text"/> needs <see cref="Clean"/>: a cheap vectorised scan on the common path.</summary>
    public static bool NeedsCleaning(ReadOnlySpan<char> text) =>
        text.IndexOf('\0') >= 0 || text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && HasUnpairedSurrogate(text);

    public static string Clean(string text, ref bool changed)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }

        changed = true;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                builder.Append(Replacement);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append(Replacement);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, recording the column in <paramref name="truncated"/>.</summary>
    public static string? Fit(string? text, int max, string column, List<string> truncated)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        truncated.Add(column);
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }

    private static bool HasUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
