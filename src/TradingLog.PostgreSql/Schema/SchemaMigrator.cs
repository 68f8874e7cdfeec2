using Npgsql;

namespace TradingLog.PostgreSql.Schema;

/// <summary>
/// Applies <see cref="Migrations"/> once each, in order, recording versions in <c>tradelog_schema_migrations</c>.
/// Every run holds a transaction-scoped advisory lock, so services starting together never race; then it makes sure
/// the daily partitions from yesterday to <c>partition_days_ahead</c> days ahead exist.
/// </summary>
internal static class SchemaMigrator
{
    private const long LockKey = 0x7472_6164_656C_6F67; // "tradelog"

    /// <param name="dataSource">A connection with rights to change the schema.</param>
    /// <param name="tables">The configured table names.</param>
    /// <param name="daysAhead">Daily partitions to create ahead of today.</param>
    /// <param name="ensurePartitions">Create the partitions from yesterday to <paramref name="daysAhead"/>; cleanup does it
    /// itself, so that the rows it moves out of default partitions are in its report.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, LogTables tables, int daysAhead, bool ensurePartitions = true,
        CancellationToken cancellationToken = default)
    {
        var applied = new List<int>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
            await Execute(connection, $"""
                CREATE TABLE IF NOT EXISTS {LogTables.Migrations} (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var done = new HashSet<int>();
            await using (var read = new NpgsqlCommand($"SELECT version FROM {LogTables.Migrations}", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    done.Add(reader.GetInt32(0));
                }
            }

            foreach (var migration in Migrations.All.Where(m => !done.Contains(m.Version)))
            {
                await Execute(connection, migration.Sql.Replace("{active}", tables.Active, StringComparison.Ordinal)
                    .Replace("{archive}", tables.Archive, StringComparison.Ordinal), cancellationToken);
                await using var record = new NpgsqlCommand($"INSERT INTO {LogTables.Migrations} (version, name) VALUES ($1, $2)", connection)
                {
                    Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name } },
                };
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(migration.Version);
            }

            // Under the same lock, so services starting together do not create the same partition twice.
            if (ensurePartitions)
            {
                await EnsurePartitionsAsync(connection, DateTime.UtcNow.Date.AddDays(-1), DateTime.UtcNow.Date.AddDays(daysAhead), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return applied;
    }

    public static async Task EnsurePartitionsAsync(NpgsqlConnection connection, DateTime firstDay, DateTime lastDay, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT tradelog_ensure_partitions($1, $2)", connection)
        {
            Parameters = { new() { Value = DateOnly.FromDateTime(firstDay) }, new() { Value = DateOnly.FromDateTime(lastDay) } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100",
        Justification = "the migrations compiled into this assembly, with validated table names")]
    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
