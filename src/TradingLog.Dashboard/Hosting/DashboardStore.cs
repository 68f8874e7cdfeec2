using Microsoft.Extensions.Options;
using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Store;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Hosting;

/// <summary>
/// The dashboard's one read side: <see cref="LogQueries"/> over the configured store, through the reader role when one is
/// configured, every statement bounded by <see cref="DashboardOptions.StatementTimeout"/>. Opened on first use and again
/// after a failure, so that a dashboard started before its database comes up without a restart.
/// </summary>
internal sealed class DashboardStore(IOptions<DashboardOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LogQueries? _queries;
    private LogDatabase? _database;
    private AlertStore? _alerts;
    private AlertingSettings? _alerting;

    public TradingLogSettings Settings { get; } = options.Value.Settings ?? TradingLogConfiguration.Load(new TradingLogConfigurationOptions
    {
        WorkingDirectory = options.Value.WorkingDirectory ?? Directory.GetCurrentDirectory(),
    }).Settings;

    public async Task<LogQueries> QueriesAsync(CancellationToken cancellationToken)
    {
        if (_queries is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_queries is null)
            {
                var database = await LogDatabase.ConnectRunningAsync(Settings, options.Value.WorkingDirectory ?? Directory.GetCurrentDirectory(),
                    cancellationToken);
                _queries = LogQueries.Open(database, "tradelog-dashboard", options.Value.StatementTimeout);
                _database = database;
            }

            return _queries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The store itself, for the alerting engine this dashboard hosts.</summary>
    public async Task<LogDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        await QueriesAsync(cancellationToken);
        return _database!;
    }

    /// <summary>The alert tables (through the maintenance role: silencing from the page writes them).</summary>
    public async Task<AlertStore> AlertsAsync(CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _alerts ??= AlertStore.Open(database, "tradelog-dashboard");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The alert rules and receivers: as the command line read them, else from the configuration files of the working
    /// folder (and <c>config/alerts.yaml</c>).
    /// </summary>
    /// <exception cref="TradingLogConfigurationException">The <c>alerts:</c> section is invalid; the message names the file, line and key.</exception>
    public AlertingSettings Alerting
    {
        get
        {
            if (_alerting is null)
            {
                var directory = options.Value.WorkingDirectory ?? Directory.GetCurrentDirectory();
                _alerting = options.Value.Alerting ?? AlertConfigurationReader.Read(
                    TradingLogConfiguration.Load(new TradingLogConfigurationOptions { WorkingDirectory = directory }), directory);
            }

            return _alerting;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_alerts is not null)
        {
            await _alerts.DisposeAsync();
        }

        if (_queries is not null)
        {
            await _queries.DisposeAsync();
        }

        _gate.Dispose();
    }
}
