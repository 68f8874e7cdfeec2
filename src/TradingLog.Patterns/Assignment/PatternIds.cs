namespace TradingLog.Patterns.Assignment;

/// <summary>
/// A pattern's ID: FNV-1a (64 bits) over its template's UTF-16 code units, cut to 52 bits so that it is positive in
/// PostgreSQL's <c>bigint</c> and exact in a JavaScript number. It depends on the template's text only, so every process
/// and every restart gives one template the same ID (as Seq's event types do), and it never changes with a release.
/// </summary>
internal static class PatternIds
{
    /// <summary>The largest ID: 2^52 - 1.</summary>
    public const long Max = (1L << 52) - 1;

    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(ReadOnlySpan<char> template)
    {
        var hash = OffsetBasis;
        foreach (var c in template)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        // Folding the high bits in keeps them from being thrown away by the cut.
        var id = (long)((hash ^ (hash >> 52)) & Max);
        return id == 0 ? 1 : id;
    }

    /// <summary>The ID as it is shown: 13 hexadecimal digits.</summary>
    public static string Format(long id) => id.ToString("x13", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads an ID as shown by <see cref="Format"/>: hexadecimal digits, in either case.</summary>
    public static bool TryParse(string? text, out long id)
    {
        id = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return long.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out id)
            && id is > 0 and <= Max;
    }
}
