using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradingLog.Dashboard.Hosting;

namespace TradingLog.Dashboard.Tail;

/// <summary>
/// The live tail's one database poller per dashboard process, shared by every browser: while anyone watches, it reads the
/// rows stored since its last look (<see cref="TailCursor"/>) every <see cref="DashboardOptions.TailPollInterval"/> and
/// hands each to every subscriber whose filter it matches. No browser adds a query.
/// </summary>
internal sealed partial class TailHub(DashboardStore store, IOptions<DashboardOptions> options, ILogger<TailHub> logger, TimeProvider time)
    : BackgroundService
{
    /// <summary>Most rows read per poll; a larger backlog is read over the next polls.</summary>
    internal const int PollLimit = 5_000;

    private readonly ConcurrentDictionary<TailSubscriber, bool> _subscribers = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private TailCursor? _cursor;
    private long _polls;

    public int Subscribers => _subscribers.Count;

    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>The last poll's failure, shown on the health page and sent to browsers; null while polls succeed.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? LastPollAt { get; private set; }

    public TailSubscriber Subscribe(TailFilter filter)
    {
        var subscriber = new TailSubscriber(filter, options.Value.TailBufferSize);
        _subscribers[subscriber] = true;
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }

        return subscriber;
    }

    public void Unsubscribe(TailSubscriber subscriber)
    {
        _subscribers.TryRemove(subscriber, out _);
        subscriber.Complete();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TailPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_subscribers.IsEmpty)
            {
                // Nobody watches: no queries. The next watcher starts from the newest row.
                _cursor = null;
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await PollAsync(stoppingToken);
                LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LastError = e.Message;
                LogPollFailed(logger, e.Message);
            }

            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var queries = await store.QueriesAsync(cancellationToken);
        if (_cursor is null)
        {
            _cursor = new TailCursor(await queries.NewestIdAsync(cancellationToken));
            return;
        }

        var rows = await queries.TailAsync(_cursor.Position, _cursor.Gaps, PollLimit, cancellationToken);
        Interlocked.Increment(ref _polls);
        LastPollAt = time.GetUtcNow();
        var byId = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var id in _cursor.Advance(byId.Keys, time.GetUtcNow()))
        {
            var e = new TailEvent(byId[id]);
            foreach (var subscriber in _subscribers.Keys)
            {
                subscriber.Offer(e);
            }
        }
    }

    public override void Dispose()
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Complete();
        }

        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live tail could not read new events: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string error);
}
