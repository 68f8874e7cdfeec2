namespace TradingLog.Cli.Infrastructure;

/// <summary>Listings ask for one row more than they show, so that a cut listing says so instead of passing for the whole.</summary>
internal static class Listing
{
    /// <summary>The most rows a listing shows at once.</summary>
    public const int MaxLimit = 1_000_000;

    /// <summary>The check of a listing's <c>--limit</c>, then the command's own checks.</summary>
    public static Spectre.Console.ValidationResult Check(int limit, Func<Spectre.Console.ValidationResult> then) =>
        limit is < 1 or > MaxLimit ? Spectre.Console.ValidationResult.Error($"--limit must be between 1 and {MaxLimit}") : then();

    /// <summary>The rows to show: at most <paramref name="limit"/>; when there were more, standard error says so.</summary>
    public static IReadOnlyList<T> Cut<T>(IReadOnlyList<T> rows, int limit, string what)
    {
        if (rows.Count <= limit)
        {
            return rows;
        }

        Notices.Write($"showing the first {limit} {what}; more match (raise --limit or narrow the filters)");
        return [.. rows.Take(limit)];
    }
}
