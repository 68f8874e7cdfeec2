using Npgsql;

namespace TradingLog.Alerting.Engine;

/// <summary>
/// Makes one process the evaluator: a session-level PostgreSQL advisory lock held on a connection of its own, as cleanup
/// does. When the holder dies its connection closes, the lock is released, and another process takes it on its next try
/// (within one interval).
/// </summary>
internal sealed class LeaderLock(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>The advisory-lock key of the alert evaluator.</summary>
    public const long Key = 0x616C_6572_7473; // "alerts"

    // Key, written out: CA2100 asks for constant SQL text.
    private const string TryLock = "SELECT pg_try_advisory_lock(107118186361971)";

    private NpgsqlConnection? _connection;

    public bool IsHeld => _connection is not null;

    /// <summary>Whether this process holds the lock now: keeps it when held and alive, else tries to take it.</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            try
            {
                await using var check = new NpgsqlCommand("SELECT 1", _connection);
                await check.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                await ReleaseAsync();
            }
        }

        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var take = new NpgsqlCommand(TryLock, connection);
            if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
            {
                _connection = connection;
                return true;
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        return false;
    }

    public async Task ReleaseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync(); // closing the session releases its advisory locks
        }
    }

    public ValueTask DisposeAsync() => new(ReleaseAsync());
}
