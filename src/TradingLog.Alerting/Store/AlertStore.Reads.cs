using Npgsql;
using NpgsqlTypes;

namespace TradingLog.Alerting.Store;

internal sealed partial class AlertStore
{
    /// <summary>Silences in force at <paramref name="at"/>, or also expired ones when <paramref name="includeExpired"/> (newest first).</summary>
    public async Task<List<AlertSilence>> SilencesAsync(DateTimeOffset at, bool includeExpired, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT id, matchers::text, starts_at, ends_at, created_by, comment, created_at FROM tradelog_alert_silences
            WHERE $1 OR (starts_at <= $2 AND ends_at > $2) ORDER BY id DESC LIMIT 500
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = includeExpired });
        command.Parameters.Add(Time(at));
        return await ReadAsync(command, r => new AlertSilence(r.GetInt64(0), Labels(r.GetString(1)), Time(r, 2)!.Value, Time(r, 3)!.Value,
            r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), Time(r, 6)!.Value), cancellationToken);
    }

    /// <summary>Adds a silence and returns its ID.</summary>
    public async Task<long> AddSilenceAsync(IReadOnlyDictionary<string, string> matchers, DateTimeOffset startsAt, DateTimeOffset endsAt, string? createdBy,
        string? comment, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO tradelog_alert_silences (matchers, starts_at, ends_at, created_by, comment, created_at)
            VALUES ($1, $2, $3, $4, $5, $2) RETURNING id
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Json(matchers), Time(startsAt), Time(endsAt), Text(createdBy), Text(comment) });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Ends a silence at <paramref name="at"/>; false when there is none of that ID in force.</summary>
    public async Task<bool> ExpireSilenceAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("UPDATE tradelog_alert_silences SET ends_at = $2 WHERE id = $1 AND ends_at > $2");
        command.Parameters.AddRange(new NpgsqlParameter[] { new NpgsqlParameter { Value = id }, Time(at) });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Transitions since <paramref name="since"/>, newest first, optionally of one rule (<c>idx_tradelog_alert_history_at</c>).</summary>
    public async Task<List<AlertHistoryEntry>> HistoryAsync(DateTimeOffset since, string? rule, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT id, at, rule, fingerprint, labels::text, from_state, to_state, value, detail FROM tradelog_alert_history
            WHERE at >= $1 AND ($2::text IS NULL OR rule = $2) ORDER BY at DESC, id DESC LIMIT $3
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Time(since), Text(rule), new NpgsqlParameter { Value = limit } });
        return await ReadAsync(command, r => new AlertHistoryEntry(r.GetInt64(0), Time(r, 1)!.Value, r.GetString(2), r.GetString(3), Labels(r.GetString(4)),
            r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetString(8)),
            cancellationToken);
    }

    /// <summary>Rule values since <paramref name="since"/>, oldest first, optionally of one rule (<c>idx_tradelog_alert_values_rule</c>).</summary>
    public async Task<List<AlertValue>> ValuesAsync(DateTimeOffset since, string? rule, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT rule, fingerprint, at, value FROM tradelog_alert_values WHERE at >= $1 AND ($2::text IS NULL OR rule = $2) ORDER BY at LIMIT 50000
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Time(since), Text(rule) });
        return await ReadAsync(command, r => new AlertValue(r.GetString(0), r.GetString(1), Time(r, 2)!.Value, r.IsDBNull(3) ? null : r.GetDouble(3)),
            cancellationToken);
    }

    /// <summary>Notifications created since <paramref name="since"/>, newest first.</summary>
    public async Task<List<NotificationRecord>> NotificationsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT {NotificationColumns} FROM tradelog_alert_notifications WHERE created_at >= $1 ORDER BY id DESC LIMIT $2
            """);
        command.Parameters.AddRange(new NpgsqlParameter[] { Time(since), new NpgsqlParameter { Value = limit } });
        return await ReadAsync(command, ReadNotification, cancellationToken);
    }

    private const string NotificationColumns =
        "id, receiver, group_key, rule, fingerprint, status, alert::text, created_at, batch_id, attempts, next_attempt_at, delivered_at, failed_at, last_error";

    private static NotificationRecord ReadNotification(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetString(5), r.GetString(6), Time(r, 7)!.Value, r.IsDBNull(8) ? null : r.GetGuid(8), r.GetInt32(9), Time(r, 10)!.Value,
        Time(r, 11), Time(r, 12), r.IsDBNull(13) ? null : r.GetString(13));

    private static async Task<List<T>> ReadAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }
}
