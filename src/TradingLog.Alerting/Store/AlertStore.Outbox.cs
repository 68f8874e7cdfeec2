using Npgsql;
using NpgsqlTypes;

namespace TradingLog.Alerting.Store;

internal sealed partial class AlertStore
{
    /// <summary>
    /// A notification never overtakes an earlier one about the same alert to the same receiver (a resolve queued while
    /// its firing notice waits out <c>group_wait</c> or a retry): it waits until that one is due, then goes in its batch or after it.
    /// </summary>
    private const string NotOvertaking = """
        NOT EXISTS (SELECT 1 FROM tradelog_alert_notifications e
                    WHERE e.receiver = n.receiver AND e.fingerprint = n.fingerprint AND e.id < n.id
                      AND e.delivered_at IS NULL AND e.failed_at IS NULL
                      AND (e.next_attempt_at > $1 OR e.batch_id IS DISTINCT FROM n.batch_id))
        """;

    private const string PickDue = $"""
        SELECT batch_id, receiver, group_key FROM tradelog_alert_notifications n
        WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 AND {NotOvertaking}
        ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
        """;

    private const string AssignBatch = $"""
        UPDATE tradelog_alert_notifications SET batch_id = $4
        WHERE id IN (SELECT id FROM tradelog_alert_notifications n
                     WHERE receiver = $2 AND group_key = $3 AND batch_id IS NULL AND delivered_at IS NULL AND failed_at IS NULL
                       AND next_attempt_at <= $1 AND {NotOvertaking}
                     FOR UPDATE SKIP LOCKED)
        """;

    /// <summary>
    /// Takes the next due notification and the others of its receiver and group that are due, and gives them one batch ID
    /// (kept through retries, so that a retry carries the same idempotency key). Rows another process is sending are
    /// skipped. Null when nothing is due.
    /// </summary>
    public async Task<Guid?> ClaimBatchAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid? batch = null;
        string? receiver = null, group = null;
        await using (var first = new NpgsqlCommand(PickDue, connection, transaction))
        {
            first.Parameters.Add(Time(at));
            await using var reader = await first.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            batch = await reader.IsDBNullAsync(0, cancellationToken) ? null : reader.GetGuid(0);
            receiver = reader.GetString(1);
            group = reader.GetString(2);
        }

        if (batch is null)
        {
            batch = Guid.NewGuid();
            await using var assign = new NpgsqlCommand(AssignBatch, connection, transaction);
            assign.Parameters.AddRange(new NpgsqlParameter[]
            {
                Time(at), Text(receiver), Text(group), new NpgsqlParameter { Value = batch.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
            });
            await assign.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return batch;
    }

    /// <summary>
    /// Runs <paramref name="send"/> over the undelivered notifications of <paramref name="batch"/>, with their rows locked
    /// so that no other process sends them meanwhile, then records the outcome it returns. False when another process
    /// holds the batch or nothing is left in it.
    /// </summary>
    public async Task<bool> DeliverBatchAsync(Guid batch, Func<IReadOnlyList<NotificationRecord>, Task<DeliveryOutcome>> send,
        CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        List<NotificationRecord> rows;
        await using (var select = new NpgsqlCommand($"""
            SELECT {NotificationColumns} FROM tradelog_alert_notifications
            WHERE batch_id = $1 AND delivered_at IS NULL AND failed_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = batch, NpgsqlDbType = NpgsqlDbType.Uuid });
            rows = await ReadAsync(select, ReadNotification, cancellationToken);
        }

        if (rows.Count == 0)
        {
            return false;
        }

        var outcome = await send(rows);
        // Once sent, the outcome is recorded even if the process is stopping: a receiver that took the notification must not
        // get it again from the next process. Only a crash between the two leaves a repeat, with the same idempotency key.
        await using var update = new NpgsqlCommand("""
            UPDATE tradelog_alert_notifications
            SET attempts = attempts + 1, delivered_at = $2, failed_at = $3, next_attempt_at = coalesce($4, next_attempt_at), last_error = $5
            WHERE batch_id = $1 AND delivered_at IS NULL AND failed_at IS NULL
            """, connection, transaction);
        update.Parameters.AddRange(new NpgsqlParameter[] { new NpgsqlParameter { Value = batch, NpgsqlDbType = NpgsqlDbType.Uuid }, Time(outcome.DeliveredAt),
            Time(outcome.FailedAt), Time(outcome.NextAttemptAt), Text(outcome.Error) });
        await update.ExecuteNonQueryAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    /// <summary>When the next undelivered notification is due, or null when none is waiting.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT min(next_attempt_at) FROM tradelog_alert_notifications WHERE delivered_at IS NULL AND failed_at IS NULL");
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
    }
}
