using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TradingLog.Alerting.Engine;
using TradingLog.PostgreSql;

namespace TradingLog.Alerting.Store;

/// <summary>
/// The alert tables (migration 10): state, history, silences, the notification outbox and rule values. The one place
/// their SQL lives; the engine, <c>tradelog alerts</c> and the dashboard all use it. Times are always passed in (the
/// engine's clock), never taken from the server's <c>now()</c>.
/// </summary>
internal sealed partial class AlertStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public AlertStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>The alert tables of <paramref name="database"/>, through its maintenance connection (alerting writes them).</summary>
    public static AlertStore Open(LogDatabase database, string applicationName = "tradelog-alerting") =>
        new(LogDatabase.CreateDataSource(database.MaintenanceConnectionString, applicationName, maxPoolSize: 5, commandTimeout: TimeSpan.FromSeconds(30)));

    public NpgsqlDataSource DataSource => _dataSource;

    public async Task<List<AlertInstance>> LoadStatesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT rule, fingerprint, labels::text, state, active_since, firing_since, last_true_at, resolved_at, value, description, evaluated_at,
                   notified, last_notified_at, last_resent_at, flips, flapping, error
            FROM tradelog_alert_state ORDER BY rule, fingerprint
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<AlertInstance>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(ReadState(reader));
        }

        return states;
    }

    private static AlertInstance ReadState(NpgsqlDataReader reader) => new()
    {
        Rule = reader.GetString(0),
        Fingerprint = reader.GetString(1),
        Labels = Labels(reader.GetString(2)),
        Status = Enum.Parse<AlertStatus>(reader.GetString(3), ignoreCase: true),
        ActiveSince = Time(reader, 4),
        FiringSince = Time(reader, 5),
        LastTrueAt = Time(reader, 6),
        ResolvedAt = Time(reader, 7),
        Value = reader.IsDBNull(8) ? null : reader.GetDouble(8),
        Description = reader.IsDBNull(9) ? null : reader.GetString(9),
        EvaluatedAt = Time(reader, 10)!.Value,
        Notified = reader.GetBoolean(11),
        LastNotifiedAt = Time(reader, 12),
        LastResentAt = Time(reader, 13),
        Flips = reader.GetFieldValue<DateTime[]>(14).Select(d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))).ToList(),
        Flapping = reader.GetBoolean(15),
        Error = reader.IsDBNull(16) ? null : reader.GetString(16),
    };

    /// <summary>
    /// Stores one evaluation in one transaction: the alerts' states, their transitions, the notifications they cause and
    /// the rules' values. Either all of it is stored or none, so a crash neither loses nor repeats a notification.
    /// </summary>
    public async Task SaveEvaluationAsync(IReadOnlyCollection<AlertInstance> alerts, IReadOnlyCollection<AlertTransition> transitions,
        IReadOnlyCollection<OutboxEntry> notifications, IReadOnlyCollection<AlertValue> values, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var alert in alerts)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO tradelog_alert_state (rule, fingerprint, labels, state, active_since, firing_since, last_true_at, resolved_at, value,
                    description, evaluated_at, notified, last_notified_at, last_resent_at, flips, flapping, error)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                ON CONFLICT (rule, fingerprint) DO UPDATE SET labels = $3, state = $4, active_since = $5, firing_since = $6, last_true_at = $7,
                    resolved_at = $8, value = $9, description = $10, evaluated_at = $11, notified = $12, last_notified_at = $13, last_resent_at = $14,
                    flips = $15, flapping = $16, error = $17
                """,
                Text(alert.Rule), Text(alert.Fingerprint), Json(alert.Labels), Text(AlertStateMachine.Name(alert.Status)), Time(alert.ActiveSince),
                Time(alert.FiringSince), Time(alert.LastTrueAt), Time(alert.ResolvedAt), Double(alert.Value), Text(alert.Description),
                Time(alert.EvaluatedAt), new NpgsqlParameter { Value = alert.Notified }, Time(alert.LastNotifiedAt), Time(alert.LastResentAt),
                new NpgsqlParameter { Value = alert.Flips.Select(f => f.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = alert.Flapping }, Text(alert.Error)));
        }

        foreach (var t in transitions)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO tradelog_alert_history (at, rule, fingerprint, labels, from_state, to_state, value, detail)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """,
                Time(t.At), Text(t.Instance.Rule), Text(t.Instance.Fingerprint), Json(t.Instance.Labels), Text(t.From), Text(t.To),
                Double(t.Instance.Value), Text(t.Detail)));
        }

        foreach (var n in notifications)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO tradelog_alert_notifications (receiver, group_key, rule, fingerprint, status, alert, created_at, next_attempt_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """,
                Text(n.Receiver), Text(n.GroupKey), Text(n.Rule), Text(n.Fingerprint), Text(n.Status), JsonText(n.Alert), Time(n.CreatedAt), Time(n.DueAt)));
        }

        foreach (var v in values)
        {
            batch.BatchCommands.Add(Command("INSERT INTO tradelog_alert_values (rule, fingerprint, at, value) VALUES ($1, $2, $3, $4)",
                Text(v.Rule), Text(v.Fingerprint), Time(v.At), Double(v.Value)));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes values older than <paramref name="valuesBefore"/>, and history, finished notifications and ended silences older
    /// than <paramref name="historyBefore"/>.
    /// </summary>
    public async Task PruneAsync(DateTimeOffset valuesBefore, DateTimeOffset historyBefore, CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("DELETE FROM tradelog_alert_values WHERE at < $1", Time(valuesBefore)));
        batch.BatchCommands.Add(Command("DELETE FROM tradelog_alert_history WHERE at < $1", Time(historyBefore)));
        batch.BatchCommands.Add(Command(
            "DELETE FROM tradelog_alert_notifications WHERE created_at < $1 AND (delivered_at IS NOT NULL OR failed_at IS NOT NULL)", Time(historyBefore)));
        batch.BatchCommands.Add(Command("DELETE FROM tradelog_alert_silences WHERE ends_at < $1", Time(historyBefore)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the state of alerts whose rule is no longer configured.</summary>
    public async Task ForgetRulesExceptAsync(IReadOnlyCollection<string> rules, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM tradelog_alert_state WHERE NOT (rule = ANY($1))");
        command.Parameters.Add(new NpgsqlParameter { Value = rules.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    internal static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    internal static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { Value = value is { } v ? v.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    internal static NpgsqlParameter Double(double? value) => new() { Value = value.HasValue ? value.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double };

    internal static NpgsqlParameter Json(IReadOnlyDictionary<string, string> labels) => JsonText(JsonSerializer.Serialize(labels));

    internal static NpgsqlParameter JsonText(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    internal static IReadOnlyDictionary<string, string> Labels(string json) =>
        new SortedDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.Ordinal);

    internal static DateTimeOffset? Time(NpgsqlDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc));
}
