using Npgsql;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Store;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary>What the <c>alerts</c> commands work with: the configuration, its rules, the running store and its alert tables.</summary>
internal sealed class AlertsContext : IAsyncDisposable
{
    private AlertsContext(LoadedConfiguration loaded, AlertingSettings alerting, LogDatabase database)
    {
        Loaded = loaded;
        Alerting = alerting;
        Database = database;
        Store = AlertStore.Open(database, "tradelog-cli");
    }

    public LoadedConfiguration Loaded { get; }
    public AlertingSettings Alerting { get; }
    public LogDatabase Database { get; }
    public AlertStore Store { get; }

    /// <summary>Opens the store without starting or migrating it; fails with what to run when the alert tables are missing.</summary>
    public static async Task<AlertsContext> OpenAsync(DatabaseCommandSettings options, CancellationToken cancellationToken)
    {
        var loaded = options.Load();
        var alerting = AlertConfigurationReader.Read(loaded, Directory.GetCurrentDirectory());
        var database = await LogDatabase.ConnectRunningAsync(loaded.Settings, Directory.GetCurrentDirectory(), cancellationToken);
        await using (var connection = new NpgsqlConnection(database.MaintenanceConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT to_regclass('tradelog_alert_state') IS NOT NULL", connection);
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new StoreNotReadyException("the database has no alert tables yet: run 'tradelog db migrate' (or 'tradelog monitor', which creates them)");
            }
        }

        return new AlertsContext(loaded, alerting, database);
    }

    /// <summary>The configured rule of this name.</summary>
    /// <exception cref="BadOptionException">There is none; the message lists the configured rules.</exception>
    public AlertRule Rule(string name) =>
        Alerting.Rules.FirstOrDefault(r => r.Name == name)
        ?? throw new BadOptionException(Alerting.Rules.Count == 0
            ? $"no alert rule is named {Echo.Of(name)}: the configuration has no alerts.rules ({string.Join(", ", Loaded.Files)})"
            : $"no alert rule is named {Echo.Of(name)}; configured: {string.Join(", ", Alerting.Rules.Select(r => r.Name))}");

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
