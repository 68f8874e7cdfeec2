using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Delivery;
using TradingLog.Alerting.Engine;
using TradingLog.Alerting.Store;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.Alerting.Tests.Support;

/// <summary>
/// One test's alerting: its own migrated database, rules from YAML text, a clock the test moves, and the evaluator and
/// dispatcher over them. Rows are written straight into the log tables at the times the test chooses.
/// </summary>
internal sealed class AlertingKit : IAsyncDisposable
{
    private readonly List<string> _reports = [];
    private readonly TempFolder _folder = new();

    private AlertingKit(string connectionString, AlertingSettings settings, LogDatabase database)
    {
        Db = new Db(connectionString);
        Settings = settings;
        Database = database;
        Queries = LogQueries.Open(database);
        Store = AlertStore.Open(database);
        Evaluator = new AlertEvaluator(settings, Queries, Store, report: _reports.Add);
        Dispatcher = new NotificationDispatcher(settings, Store, Http, Time, report: _reports.Add);
    }

    /// <summary>Now, to the second, so that windows line up with the rows the test writes.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public Db Db { get; }
    public AlertingSettings Settings { get; }
    public LogDatabase Database { get; }
    public LogQueries Queries { get; }
    public AlertStore Store { get; }
    public AlertEvaluator Evaluator { get; }
    public NotificationDispatcher Dispatcher { get; }
    public HttpClient Http { get; } = new();
    public IReadOnlyList<string> Reports => _reports;

    public static async Task<AlertingKit> CreateAsync(string yaml)
    {
        var settings = Read(yaml);
        var connectionString = await TestServer.CreateDatabaseAsync();
        var database = await LogDatabase.ConnectAsync(new TradingLogSettings { Database = { ConnectionString = connectionString } }, Path.GetTempPath());
        return new AlertingKit(connectionString, settings, database);
    }

    /// <summary>Alerting over <paramref name="database"/> as configured (a reader on a standby, say); rows are written to <paramref name="primary"/>.</summary>
    public static AlertingKit Over(string yaml, string primary, LogDatabase database) => new(primary, Read(yaml), database);

    /// <summary>The alerting settings of one YAML file's text.</summary>
    public static AlertingSettings Read(string yaml, string name = "logging.yaml")
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, yaml);
        return AlertConfigurationReader.ReadFiles([(path, name)]);
    }

    public Task<EvaluationReport> EvaluateAsync() => Evaluator.RunOnceAsync(Time.GetUtcNow(), CancellationToken.None);

    /// <summary>Moves the clock by <paramref name="step"/> and evaluates.</summary>
    public Task<EvaluationReport> AfterAsync(TimeSpan step)
    {
        Time.Advance(step);
        return EvaluateAsync();
    }

    /// <summary>The state of the single alert of <paramref name="rule"/> (or of its <paramref name="service"/>).</summary>
    public async Task<AlertInstance> AlertAsync(string rule, string? service = null) =>
        Assert.Single(await Store.LoadStatesAsync(CancellationToken.None), a => a.Rule == rule
            && (service is null || a.Labels.GetValueOrDefault("service") == service));

    public async Task<string> StateAsync(string rule, string? service = null) => AlertStateMachine.Name((await AlertAsync(rule, service)).Status);

    /// <summary>The outbox, oldest first, as (receiver, rule, status).</summary>
    public async Task<List<(string Receiver, string Rule, string Status)>> OutboxAsync() =>
        (await Store.NotificationsAsync(DateTimeOffset.MinValue, 1000, CancellationToken.None))
        .OrderBy(n => n.Id).Select(n => (n.Receiver, n.Rule, n.Status)).ToList();

    /// <summary>Writes <paramref name="count"/> log rows of a service and level at <paramref name="at"/>.</summary>
    public async Task LogAsync(DateTimeOffset at, string service, string level, int count = 1, string message = "event", string? eventType = null,
        string? metadata = null)
    {
        await using var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO system_logs (timestamp, service, level, event_type, message, metadata)
            SELECT $1, $2, $3, $4, $5, $6::jsonb FROM generate_series(1, $7)
            """, connection);
        command.Parameters.AddWithValue(at.UtcDateTime);
        command.Parameters.AddWithValue(service);
        command.Parameters.AddWithValue(level);
        command.Parameters.AddWithValue((object?)eventType ?? DBNull.Value);
        command.Parameters.AddWithValue(message);
        command.Parameters.AddWithValue((object?)metadata ?? DBNull.Value);
        command.Parameters.AddWithValue(count);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Writes <paramref name="count"/> rows of one pattern at <paramref name="at"/> and records the pattern as the sink
    /// does (first and last seen, returns), so pattern rules see what a running service would have stored.
    /// </summary>
    public async Task PatternAsync(DateTimeOffset at, string service, string template, int count = 1)
    {
        var id = TradingLog.Patterns.Assignment.PatternIds.Of(template);
        await using var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO system_logs (timestamp, service, level, message, pattern_id)
            SELECT $1, $2, 'INFO', $3, $4 FROM generate_series(1, $5)
            """, connection))
        {
            insert.Parameters.AddWithValue(at.UtcDateTime);
            insert.Parameters.AddWithValue(service);
            insert.Parameters.AddWithValue(template);
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(count);
            await insert.ExecuteNonQueryAsync();
        }

        await using var record = new NpgsqlCommand("SELECT tradelog_record_patterns($1, $2, $3, $4, $5, $6, $7, $8, $9)", connection);
        record.Parameters.AddWithValue(new[] { id });
        record.Parameters.AddWithValue(new[] { service });
        record.Parameters.AddWithValue(new[] { template });
        record.Parameters.AddWithValue(new[] { "template" });
        record.Parameters.AddWithValue(new[] { at.UtcDateTime });
        record.Parameters.AddWithValue(new[] { at.UtcDateTime });
        record.Parameters.AddWithValue(new[] { template });
        record.Parameters.AddWithValue(Array.Empty<long>());
        record.Parameters.AddWithValue(Array.Empty<long>());
        await record.ExecuteNonQueryAsync();
    }

    /// <summary>Writes performance rows: one per duration (milliseconds) of an operation at <paramref name="at"/>.</summary>
    public async Task PerformanceAsync(DateTimeOffset at, string service, string operation, params double[] milliseconds)
    {
        foreach (var ms in milliseconds)
        {
            await Db.ExecuteAsync($"""
                INSERT INTO performance_logs (timestamp, service, operation, execution_time_ms, execution_time_us)
                VALUES ('{at.UtcDateTime:O}', '{service}', '{operation}', {(int)ms}, {(long)(ms * 1000)})
                """);
        }
    }

    /// <summary>Writes trades of a status at <paramref name="at"/>.</summary>
    public Task TradesAsync(DateTimeOffset at, string status, int count) =>
        Db.ExecuteAsync($"""
            INSERT INTO trading_logs (timestamp, trade_id, symbol, side, quantity, price, status)
            SELECT '{at.UtcDateTime:O}', 'T' || g, 'AAPL', 'BUY', 10, 100, '{status}' FROM generate_series(1, {count}) g
            """);

    /// <summary>A running alerting loop over this kit's database, on the real clock; dispose it to stop it.</summary>
    public RunningService Start(List<string>? reports = null) => new(new AlertingService(Settings, Database, TimeProvider.System, report: (reports ?? _reports).Add));

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Queries.DisposeAsync();
        Http.Dispose();
        _folder.Dispose();
    }
}
