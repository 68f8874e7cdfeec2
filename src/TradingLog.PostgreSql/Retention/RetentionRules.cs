using TradingLog.Configuration;
using TradingLog.PostgreSql.Schema;

namespace TradingLog.PostgreSql.Retention;

/// <summary>
/// The retention rules as cutoffs, each rounded down to the start of a UTC day so that whole daily partitions are moved
/// or dropped and no partition is ever split. A row is affected when its timestamp is before the cutoff.
/// </summary>
internal sealed record RetentionRules(
    DateTime ArchiveBefore,
    DateTime ArchiveDeleteBefore,
    DateTime ArchiveErrorDeleteBefore,
    DateTime TradingDeleteBefore,
    DateTime TradingErrorDeleteBefore,
    DateTime PerformanceDeleteBefore)
{
    public const string ErrorLevels = "level IN ('ERROR', 'CRITICAL')";
    public const string TradeErrors = "error_message IS NOT NULL";

    /// <summary>The predicate of a table's errors, as <c>tradelog_drop_day</c> builds it; null for a table without errors to keep.</summary>
    public static string? ErrorsOf(string table) => table switch
    {
        LogTables.Trading => TradeErrors,
        LogTables.Performance => null,
        _ => ErrorLevels,
    };

    /// <summary>
    /// <list type="bullet">
    /// <item><c>system_logs</c> rows older than <c>active_days</c> move to the archive;</item>
    /// <item>archived rows are deleted after <c>max(archive_days, system_logs_retention)</c>, ERROR and CRITICAL rows only
    /// after <c>max(that, error_logs_retention)</c>;</item>
    /// <item><c>trading_logs</c> rows after <c>trading_logs_retention</c>, those with an error message after
    /// <c>max(trading_logs_retention, error_logs_retention)</c>;</item>
    /// <item><c>performance_logs</c> rows after <c>performance_logs_retention</c>.</item>
    /// </list>
    /// </summary>
    public static RetentionRules From(RetentionSettings r, DateTimeOffset asOf)
    {
        var archiveDelete = Math.Max(r.ArchiveDays, r.SystemLogsRetention);
        return new RetentionRules(
            Day(asOf, r.ActiveDays),
            Day(asOf, archiveDelete),
            Day(asOf, Math.Max(archiveDelete, r.ErrorLogsRetention)),
            Day(asOf, r.TradingLogsRetention),
            Day(asOf, Math.Max(r.TradingLogsRetention, r.ErrorLogsRetention)),
            Day(asOf, r.PerformanceLogsRetention));
    }

    private static DateTime Day(DateTimeOffset asOf, int days) =>
        DateTime.SpecifyKind(asOf.UtcDateTime.AddDays(-days).Date, DateTimeKind.Utc);
}
