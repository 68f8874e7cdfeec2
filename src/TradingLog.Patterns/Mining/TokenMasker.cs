using System.Text;
using System.Text.RegularExpressions;

namespace TradingLog.Patterns.Mining;

/// <summary>
/// Replaces the usual variables of a log message with <see cref="Wildcard"/> before mining: timestamps and dates, GUIDs,
/// IP addresses (with ports), URLs and paths, hexadecimal values, trade, order and block IDs, and numbers (with units, as
/// in <c>12ms</c> or <c>3.5GB</c>). One pass of one compiled regular expression.
/// </summary>
internal static partial class TokenMasker
{
    public const string Wildcard = "<*>";

    public static string Mask(string message) => Variables().Replace(message, Wildcard);

    /// <summary>
    /// The message's tokens after masking, split on whitespace. Token by token: a token with no digit and none of
    /// <c>/ \ :</c> cannot hold a variable and is kept as it is, without the regular expression (most words of a
    /// message); only the others are masked. A date and a time written apart become two wildcards.
    /// </summary>
    public static string[] Tokens(string message)
    {
        var tokens = message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].AsSpan().IndexOfAny(MaybeVariable) >= 0)
            {
                tokens[i] = Variables().Replace(tokens[i], Wildcard);
            }
        }

        return tokens;
    }

    private static readonly System.Buffers.SearchValues<char> MaybeVariable = System.Buffers.SearchValues.Create("0123456789/\\:");

    // Order matters: the longer, more specific shapes first. Numbers count only as whole tokens or after = : ( [ # so that
    // words with digits inside (log4j, utf8) stay words.
    [GeneratedRegex("""
        \d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?
        | \b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b
        | \b\d{4}[-/]\d{2}[-/]\d{2}\b | \b\d{2}/[A-Z][a-z]{2}/\d{4}(?::\d{2}:\d{2}:\d{2})?\b
        | \b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b
        | \b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b
        | \b[a-z][a-z0-9+.-]*://\S+
        | (?<![\w/.])(?:/[\w.@+-]+){2,}/?
        | \b[A-Za-z]:\\\S+
        | \b0x[0-9a-fA-F]+\b
        | \b(?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}\b
        | \b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b
        | \b(?:blk|trade|order|ord|txn|tx|req|job|task|container|attempt|application|appattempt|session|sess)[_-][\w-]*\d[\w-]*
        | \b[A-Z]{2,}[-_]\d[\w-]*
        | (?<=[=:(\[#,]|^|\s)[-+]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?(?:%|[a-zA-Z]{1,3}\b)?(?=$|[\s,;:)\]}'"!?]|\.(?:\s|$))
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Variables();
}
