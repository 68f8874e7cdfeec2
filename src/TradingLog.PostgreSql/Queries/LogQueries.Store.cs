using Npgsql;
using NpgsqlTypes;

namespace TradingLog.PostgreSql.Queries;

public sealed partial class LogQueries
{
    /// <summary>The newest <paramref name="limit"/> cleanup runs (<c>idx_tradelog_maintenance_runs_started</c>).</summary>
    public Task<IReadOnlyList<MaintenanceRunEntry>> MaintenanceRunsAsync(int limit, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT id, started_at, finished_at, status, trigger, host, details::text, error
            FROM tradelog_maintenance_runs ORDER BY started_at DESC LIMIT $1
            """,
            [new NpgsqlParameter { Value = Math.Clamp(limit, 1, 1000) }],
            r => new MaintenanceRunEntry(r.GetInt64(0), Utc(r, 1), r.IsDBNull(2) ? null : Utc(r, 2), r.GetString(3), r.GetString(4), Text(r, 5),
                Text(r, 6), Text(r, 7)),
            cancellationToken);

    /// <summary>
    /// The size on disk, estimated rows, partition count and newest partition day of each log table, from PostgreSQL's
    /// catalogs (no table is scanned).
    /// </summary>
    public Task<IReadOnlyList<TableSize>> TableSizesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT p.relname, coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint, coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint,
                   count(c.oid)::int,
                   max(to_date(substring(c.relname FROM '_p([0-9]{8})$'), 'YYYYMMDD'))
            FROM unnest($1::text[]) WITH ORDINALITY AS t(name, position)
            JOIN pg_class p ON p.oid = to_regclass(t.name)
            LEFT JOIN pg_inherits i ON i.inhparent = p.oid
            LEFT JOIN pg_class c ON c.oid = i.inhrelid
            GROUP BY p.relname, t.position ORDER BY t.position
            """,
            [new NpgsqlParameter
            {
                Value = new[] { _tables.Active, _tables.Archive, Schema.LogTables.Trading, Schema.LogTables.Performance },
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
            }],
            r => new TableSize(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3), r.IsDBNull(4) ? null : DateOnly.FromDateTime(r.GetDateTime(4))),
            cancellationToken);

    /// <summary>
    /// Whether the reader is a streaming standby and how far its replay trails the primary, from PostgreSQL's recovery
    /// functions and <c>pg_stat_wal_receiver</c> (no table is read). On a primary every lag is null.
    /// </summary>
    public async Task<ReplicationStatus> ReplicationAsync(CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync("""
            SELECT pg_is_in_recovery(),
                   CASE WHEN NOT pg_is_in_recovery() THEN NULL
                        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) END::float8,
                   CASE WHEN pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) END::bigint,
                   CASE WHEN pg_is_in_recovery() THEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') END
            """,
            [],
            r => new ReplicationStatus(r.GetBoolean(0), r.IsDBNull(1) ? null : TimeSpan.FromSeconds(Math.Max(0, r.GetDouble(1))),
                r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetBoolean(3)),
            cancellationToken);
        return rows[0];
    }
}
