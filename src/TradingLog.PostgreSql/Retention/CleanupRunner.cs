using System.Globalization;
using System.Text.Json;
using Npgsql;
using TradingLog.Configuration;
using TradingLog.Files;
using TradingLog.PostgreSql.Schema;

namespace TradingLog.PostgreSql.Retention;

/// <summary>
/// Runs the design's cleanup: archive old <c>system_logs</c> days, purge the archive, apply per-table retention, keep
/// partitions ahead, and apply file retention. Whole days are partition moves and drops (no row is copied or deleted
/// one by one); only stray rows in the default partitions are handled row by row, in short transactions of
/// <c>cleanup_batch_size</c>. One cleanup runs at a time across all processes (a PostgreSQL advisory lock); each run is
/// recorded in <c>tradelog_maintenance_runs</c> and logged as a System event.
/// </summary>
public sealed class CleanupRunner(LogDatabase database, TradingLogSettings settings, string workingDirectory, TradingLogger? log = null)
{
    /// <summary>The advisory-lock key that makes cleanups exclusive.</summary>
    public const long LockKey = 0x636C_6561_6E75_70; // "cleanup"

    private readonly LogTables _tables = database.Tables;

    /// <summary>
    /// Runs one cleanup. Never throws for database or file errors: the run is recorded in
    /// <c>tradelog_maintenance_runs</c> as failed, with its real cause, wherever the database can still take the record,
    /// and returned as a failed report. Only cancellation is thrown.
    /// </summary>
    public async Task<CleanupReport> RunAsync(CleanupRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var asOf = request.AsOf ?? DateTimeOffset.UtcNow;
        var report = new CleanupReport { AsOf = asOf, StartedAt = DateTimeOffset.UtcNow, DryRun = request.DryRun };
        try
        {
            return await RunLockedAsync(request, report, progress, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            report.Status = "failed";
            report.Error = Describe(e);
            report.FinishedAt = DateTimeOffset.UtcNow;
            if (!request.DryRun)
            {
                await TryRecordFailureAsync(request, report);
                LogResult(report);
            }

            return report;
        }
    }

    /// <summary>Every cleanup statement waits at most this long for a lock, then fails with 55P03 instead of hanging.</summary>
    internal static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private static string WithLockTimeout(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Options = $"-c lock_timeout={(int)LockTimeout.TotalMilliseconds}",
    }.ConnectionString;

    /// <summary>The real cause, in words: PostgreSQL's own message, or what a client-side timeout was.</summary>
    internal static string Describe(Exception e) => e switch
    {
        PostgresException p => $"{p.SqlState}: {p.MessageText}",
        NpgsqlException { InnerException: TimeoutException } => "PostgreSQL did not answer within the command timeout (the server is hung or overloaded)",
        NpgsqlException { InnerException: { } inner } n => $"{n.Message}: {inner.Message}",
        _ => e.Message,
    };

    private static bool IsFailure(Exception e) =>
        e is NpgsqlException or IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException;

    private async Task<CleanupReport> RunLockedAsync(CleanupRequest request, CleanupReport report, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        // Partitions are cleanup's own step 0 and 4, so that the rows it moves out of default partitions are reported.
        await database.MigrateAsync(null, cancellationToken, ensurePartitions: false);
        await using var dataSource = LogDatabase.CreateDataSource(WithLockTimeout(database.MaintenanceConnectionString), "tradelog-cleanup", maxPoolSize: 4);
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!request.DryRun && !await Scalar<bool>(lockConnection, $"SELECT pg_try_advisory_lock({LockKey})", cancellationToken))
        {
            report.Status = "skipped";
            report.Error = "another cleanup is running";
            return report;
        }

        try
        {
            if (!request.DryRun && request.ScheduledFor is { } occurrence && await AlreadyRanAsync(dataSource, occurrence, cancellationToken))
            {
                report.Status = "skipped";
                report.Error = "this scheduled occurrence already ran";
                return report;
            }

            if (!request.DryRun)
            {
                report.RunId = await MaintenanceRuns.StartAsync(dataSource, request, report.AsOf, cancellationToken);
            }

            try
            {
                var rules = RetentionRules.From(settings.Retention, report.AsOf);
                await ApplyAsync(dataSource, rules, request.DryRun, report, progress, cancellationToken);
                progress?.Report("log files");
                report.Files = FileRetention.Apply(settings, workingDirectory, report.AsOf, request.DryRun);
                report.Status = request.DryRun ? "dry-run" : "succeeded";
            }
            catch (Exception e) when (IsFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                report.Status = "failed";
                report.Error = Describe(e);
            }

            report.FinishedAt = DateTimeOffset.UtcNow;
            if (!request.DryRun)
            {
                await MaintenanceRuns.FinishAsync(dataSource, report, cancellationToken);
                LogResult(report);
            }

            return report;
        }
        finally
        {
            if (!request.DryRun)
            {
                await Scalar<bool>(lockConnection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
    }

    /// <summary>Records a run that failed before or while it was recorded; a database that cannot take it is left alone.</summary>
    private async Task TryRecordFailureAsync(CleanupRequest request, CleanupReport report)
    {
        try
        {
            await using var dataSource = LogDatabase.CreateDataSource(database.MaintenanceConnectionString, "tradelog-cleanup", maxPoolSize: 1);
            if (report.RunId == 0)
            {
                report.RunId = await MaintenanceRuns.StartAsync(dataSource, request, report.AsOf, CancellationToken.None);
            }

            await MaintenanceRuns.FinishAsync(dataSource, report, CancellationToken.None);
        }
        catch (Exception e) when (IsFailure(e))
        {
            report.Error += $" (the run could not be recorded either: {e.Message})";
        }
    }

    private async Task ApplyAsync(NpgsqlDataSource dataSource, RetentionRules rules, bool dryRun, CleanupReport report,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Longer retention means an earlier cutoff: errors outlive the rest when their cutoff is earlier.
        DateTime? archiveKeepErrorsSince = rules.ArchiveErrorDeleteBefore < rules.ArchiveDeleteBefore ? rules.ArchiveErrorDeleteBefore : null;
        DateTime? tradeKeepErrorsSince = rules.TradingErrorDeleteBefore < rules.TradingDeleteBefore ? rules.TradingErrorDeleteBefore : null;

        // 0. Rows in the default partitions (a backfill, a missing partition, a clock far off) move into day partitions of
        //    their own, one day per transaction, so that retention stays a partition move for them too. Not the archive's
        //    default, nor days past a table's retention, where rows kept longer (errors) live on purpose.
        await PartitionDefaultRowsAsync(connection, _tables.Active, DateTime.MinValue, dryRun, report, progress, cancellationToken);
        await PartitionDefaultRowsAsync(connection, LogTables.Trading, rules.TradingDeleteBefore, dryRun, report, progress, cancellationToken);
        await PartitionDefaultRowsAsync(connection, LogTables.Performance, rules.PerformanceDeleteBefore, dryRun, report, progress, cancellationToken);

        // 1. Archive whole days of the active table, then its stray old rows.
        foreach (var day in await DaysBeforeAsync(connection, _tables.Active, rules.ArchiveBefore, cancellationToken))
        {
            progress?.Report($"archiving {_tables.Active} {day:yyyy-MM-dd}");
            var rows = dryRun ? await CountDayAsync(connection, _tables.Active, day, null, cancellationToken)
                : await Scalar<long>(connection, "SELECT tradelog_archive_day($1)", cancellationToken, DateOnly.FromDateTime(day));
            report.Actions.Add(new CleanupAction(_tables.Active, "archive-partition", PartitionName(_tables.Active, day), rows));
        }

        await RowsAsync(connection, _tables.Active, $"timestamp < '{Iso(rules.ArchiveBefore)}'", moveToArchive: true, dryRun, report, cancellationToken);

        // 2. Purge the archive: whole days, keeping errors that must live longer; then stray rows.
        await DropDaysAsync(connection, _tables.Archive, rules.ArchiveDeleteBefore,
            archiveKeepErrorsSince, dryRun, report, progress, cancellationToken);
        await RowsAsync(connection, _tables.Archive,
            $"(timestamp < '{Iso(rules.ArchiveDeleteBefore)}' AND NOT ({RetentionRules.ErrorLevels})) OR timestamp < '{Iso(rules.ArchiveErrorDeleteBefore)}'",
            moveToArchive: false, dryRun, report, cancellationToken);

        // 3. Per-table retention.
        await DropDaysAsync(connection, LogTables.Trading, rules.TradingDeleteBefore,
            tradeKeepErrorsSince, dryRun, report, progress, cancellationToken);
        await RowsAsync(connection, LogTables.Trading,
            $"(timestamp < '{Iso(rules.TradingDeleteBefore)}' AND NOT ({RetentionRules.TradeErrors})) OR timestamp < '{Iso(rules.TradingErrorDeleteBefore)}'",
            moveToArchive: false, dryRun, report, cancellationToken);
        await DropDaysAsync(connection, LogTables.Performance, rules.PerformanceDeleteBefore, null, dryRun, report, progress, cancellationToken);
        await RowsAsync(connection, LogTables.Performance, $"timestamp < '{Iso(rules.PerformanceDeleteBefore)}'",
            moveToArchive: false, dryRun, report, cancellationToken);

        // 4. Keep creating partitions ahead.
        if (!dryRun)
        {
            var today = DateTime.UtcNow.Date;
            await SchemaMigrator.EnsurePartitionsAsync(connection, today.AddDays(-1), today.AddDays(settings.Database.PartitionDaysAhead), cancellationToken);
        }
    }

    private async Task PartitionDefaultRowsAsync(NpgsqlConnection connection, string table, DateTime notBefore, bool dryRun,
        CleanupReport report, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var days = new List<(DateTime Day, long Rows)>();
        await using (var command = new NpgsqlCommand("SELECT day, row_count FROM tradelog_default_days($1, $2)", connection)
        {
            Parameters = { new() { Value = table },
                new() { Value = DateOnly.FromDateTime(notBefore == DateTime.MinValue ? new DateTime(1, 1, 2) : notBefore) } },
        })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                days.Add(DayOf(reader));
            }
        }

        // Days far ahead (a clock far off) stay in the default partition: one partition each would be a partition per wrong clock.
        var lastDay = DateTime.UtcNow.Date.AddDays(settings.Database.PartitionDaysAhead);
        foreach (var (day, rows) in days.Where(d => d.Day <= lastDay))
        {
            progress?.Report($"partitioning {table} {day:yyyy-MM-dd} out of the default partition");
            if (!dryRun)
            {
                await using var command = new NpgsqlCommand("SELECT tradelog_ensure_partition($1, $2)", connection)
                {
                    Parameters = { new() { Value = table }, new() { Value = DateOnly.FromDateTime(day) } },
                };
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            report.Actions.Add(new CleanupAction(table, "partition-default-rows", PartitionName(table, day), rows));
        }
    }

    /// <summary>
    /// Drops every whole day of <paramref name="table"/> before <paramref name="before"/>, keeping its errors (the table's
    /// own error predicate, <see cref="RetentionRules.ErrorsOf"/>) from <paramref name="keepErrorsSince"/> on.
    /// </summary>
    private static async Task DropDaysAsync(NpgsqlConnection connection, string table, DateTime before, DateTime? keepErrorsSince, bool dryRun,
        CleanupReport report, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        foreach (var day in await DaysBeforeAsync(connection, table, before, cancellationToken))
        {
            progress?.Report($"purging {table} {day:yyyy-MM-dd}");
            var rows = dryRun ? await CountDayAsync(connection, table, day, keepErrorsSince, cancellationToken)
                : await DropDayAsync(connection, table, day, keepErrorsSince, cancellationToken);
            report.Actions.Add(new CleanupAction(table, "drop-partition", PartitionName(table, day), rows));
        }
    }

    /// <summary>Stray rows in the default partition, moved or deleted in short transactions of <c>cleanup_batch_size</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100",
        Justification = "TradingLog's own SQL; the only names in it are table names validated as identifiers when the settings load")]
    private async Task RowsAsync(NpgsqlConnection connection, string table, string condition, bool moveToArchive, bool dryRun,
        CleanupReport report, CancellationToken cancellationToken)
    {
        var source = table + "_default";
        long total;
        var batches = 0;
        if (dryRun)
        {
            total = await Scalar<long>(connection, $"SELECT count(*) FROM {source} WHERE {condition}", cancellationToken);
        }
        else
        {
            total = 0;
            var columns = "id, created_at, " + LogColumns.Names(LogColumns.System);
            var sql = moveToArchive
                ? $"""
                   WITH batch AS (SELECT ctid FROM {source} WHERE {condition} LIMIT {settings.Retention.CleanupBatchSize}),
                   moved AS (DELETE FROM {source} t USING batch b WHERE t.ctid = b.ctid
                       RETURNING {string.Join(", ", columns.Split(", ").Select(c => "t." + c))})
                   INSERT INTO {_tables.Archive} ({columns}) SELECT {columns} FROM moved
                   """
                : $"""
                   WITH batch AS (SELECT ctid FROM {source} WHERE {condition} LIMIT {settings.Retention.CleanupBatchSize})
                   DELETE FROM {source} t USING batch b WHERE t.ctid = b.ctid
                   """;
            while (true)
            {
                await using var command = new NpgsqlCommand(sql, connection);
                var affected = await command.ExecuteNonQueryAsync(cancellationToken);
                total += affected;
                batches++;
                if (affected < settings.Retention.CleanupBatchSize)
                {
                    break;
                }
            }
        }

        if (total > 0)
        {
            report.Actions.Add(new CleanupAction(table, moveToArchive ? "archive-rows" : "delete-rows", source, total, batches));
        }
    }

    /// <summary>One row of <c>tradelog_default_days</c>; the row is already buffered, so reading it does not block.</summary>
    private static (DateTime Day, long Rows) DayOf(NpgsqlDataReader reader) =>
        (reader.GetFieldValue<DateOnly>(0).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), reader.GetInt64(1));

    private static async Task<long> DropDayAsync(NpgsqlConnection connection, string table, DateTime day, DateTime? keepErrorsSince,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT tradelog_drop_day($1, $2, $3)", connection)
        {
            Parameters =
            {
                new() { Value = table }, new() { Value = DateOnly.FromDateTime(day) },
                new() { Value = keepErrorsSince is { } since ? since : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
            },
        };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static Task<long> CountDayAsync(NpgsqlConnection connection, string table, DateTime day, DateTime? keepErrorsSince,
        CancellationToken cancellationToken) =>
        Scalar<long>(connection, RetentionRules.ErrorsOf(table) is { } errors && keepErrorsSince is { } since
            ? $"SELECT count(*) FROM {PartitionName(table, day)} WHERE NOT ({errors} AND timestamp >= '{Iso(since)}')"
            : $"SELECT count(*) FROM {PartitionName(table, day)}", cancellationToken);

    /// <summary>The days that have a partition of <paramref name="table"/> ending on or before <paramref name="before"/>.</summary>
    private static async Task<List<DateTime>> DaysBeforeAsync(NpgsqlConnection connection, string table, DateTime before, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = $1 AND c.relname ~ '_p[0-9]{8}$' ORDER BY c.relname
            """, connection) { Parameters = { new() { Value = table } } };
        var days = new List<DateTime>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            var day = DateTime.SpecifyKind(DateTime.ParseExact(name[^8..], "yyyyMMdd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
            if (day.AddDays(1) <= before)
            {
                days.Add(day);
            }
        }

        return days;
    }

    private static async Task<bool> AlreadyRanAsync(NpgsqlDataSource dataSource, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM tradelog_maintenance_runs WHERE scheduled_for = $1 AND status = 'succeeded')", connection)
        {
            Parameters = { new() { Value = occurrence.UtcDateTime } },
        };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private void LogResult(CleanupReport report)
    {
        MaintenanceInstruments.Record(report);
        var system = log?.ForCategory(LogCategory.System).WithProperty(LogProperties.EventType, "cleanup");
        if (report.Status == "succeeded")
        {
            system?.Write(Serilog.Events.LogEventLevel.Information, null,
                "Cleanup {RunId} archived {RowsArchived} rows, purged {RowsPurged} rows, archived {FilesArchived} and deleted {FilesDeleted} log files",
                [report.RunId, report.RowsArchived, report.RowsPurged, report.Files.Archived.Count, report.Files.Deleted.Count]);
        }
        else
        {
            system?.Error("Cleanup {RunId} failed: {Error}", report.RunId, report.Error);
        }
    }

    internal static string PartitionName(string table, DateTime day) => $"{table}_p{day:yyyyMMdd}";

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100",
        Justification = "TradingLog's own SQL; the only names in it are table names validated as identifiers when the settings load")]
    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, object? parameter = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T), CultureInfo.InvariantCulture);
    }

    internal static string Describe(CleanupReport report) => JsonSerializer.Serialize(new
    {
        actions = report.Actions,
        rows_archived = report.RowsArchived,
        rows_purged = report.RowsPurged,
        files_archived = report.Files.Archived,
        files_deleted = report.Files.Deleted,
    });
}
