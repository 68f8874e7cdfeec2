using Npgsql;
using NpgsqlTypes;

namespace TradingLog.PostgreSql.Retention;

/// <summary>Reads and writes <c>tradelog_maintenance_runs</c>: one row per cleanup run, with its counts and outcome.</summary>
internal static class MaintenanceRuns
{
    internal static async Task<long> StartAsync(NpgsqlDataSource dataSource, CleanupRequest request, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO tradelog_maintenance_runs (status, trigger, as_of, scheduled_for, attempt, host)
            VALUES ('running', $1, $2, $3, $4, $5) RETURNING id
            """, connection)
        {
            Parameters =
            {
                new() { Value = request.Trigger },
                new() { Value = asOf.UtcDateTime },
                new() { Value = request.ScheduledFor is { } scheduled ? scheduled.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = request.Attempt },
                new() { Value = Environment.MachineName + ":" + Environment.ProcessId },
            },
        };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static async Task FinishAsync(NpgsqlDataSource dataSource, CleanupReport report, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE tradelog_maintenance_runs SET finished_at = $1, status = $2, details = $3::jsonb, error = $4 WHERE id = $5", connection)
        {
            Parameters =
            {
                new() { Value = report.FinishedAt.UtcDateTime },
                new() { Value = report.Status },
                new() { Value = CleanupRunner.Describe(report) },
                new() { Value = (object?)report.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = report.RunId },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The most recent runs, newest first.</summary>
    public static async Task<IReadOnlyList<MaintenanceRun>> RecentAsync(string connectionString, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, started_at, finished_at, status, trigger, as_of, scheduled_for, attempt,
                   coalesce((details->>'rows_archived')::bigint, 0), coalesce((details->>'rows_purged')::bigint, 0),
                   coalesce(jsonb_array_length(details->'files_archived'), 0) + coalesce(jsonb_array_length(details->'files_deleted'), 0), error
            FROM tradelog_maintenance_runs ORDER BY started_at DESC, id DESC LIMIT $1
            """, connection) { Parameters = { new() { Value = limit } } };
        var runs = new List<MaintenanceRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(RunOf(reader));
        }

        return runs;
    }

    /// <summary>One row of the query above; the row is already buffered, so reading it does not block.</summary>
    private static MaintenanceRun RunOf(NpgsqlDataReader reader)
    {
        return new MaintenanceRun(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt32(7),
            reader.GetInt64(8), reader.GetInt64(9), reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetString(11));
    }
}
