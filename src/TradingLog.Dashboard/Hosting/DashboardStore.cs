using Microsoft.Extensions.Options;
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
            }

            return _queries;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_queries is not null)
        {
            await _queries.DisposeAsync();
        }

        _gate.Dispose();
    }
}
