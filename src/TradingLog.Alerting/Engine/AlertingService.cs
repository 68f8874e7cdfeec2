using TradingLog.Alerting.Configuration;
using TradingLog.Alerting.Delivery;
using TradingLog.Alerting.Store;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Engine;

/// <summary>
/// The alerting loop of one process: while it holds the evaluator lock it evaluates every <c>interval</c> (and at the
/// end of any pending period, so notifications leave on time), prunes old history now and then, and delivers due
/// notifications every second; otherwise it tries for the lock every interval. Every process may host it; one evaluates.
/// </summary>
internal sealed class AlertingService : IAsyncDisposable
{
    /// <summary>How often due notifications (retries included) are looked for.</summary>
    public static readonly TimeSpan DeliveryPoll = TimeSpan.FromSeconds(1);

    /// <summary>How long each rule's values are kept for the dashboard's charts.</summary>
    public static readonly TimeSpan ValuesKept = TimeSpan.FromDays(2);

    private readonly AlertingSettings _settings;
    private readonly TimeProvider _time;
    private readonly Action<string>? _report;
    private readonly LogQueries _queries;
    private readonly AlertStore _store;
    private readonly LeaderLock _lock;
    private readonly HttpClient _http;
    private readonly AlertEvaluator _evaluator;
    private readonly NotificationDispatcher _dispatcher;
    private readonly AlertingInstruments _instruments;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public AlertingService(AlertingSettings settings, LogDatabase database, TimeProvider? time = null, TradingLogger? log = null,
        Action<string>? report = null, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _time = time ?? TimeProvider.System;
        _report = report;
        _queries = LogQueries.Open(database, "tradelog-alerting", statementTimeout: TimeSpan.FromSeconds(10));
        _store = AlertStore.Open(database);
        _lock = new LeaderLock(_store.DataSource);
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan; // each receiver's own timeout applies
        _evaluator = new AlertEvaluator(settings, _queries, _store, log, report);
        _dispatcher = new NotificationDispatcher(settings, _store, _http, _time, log, report);
        _instruments = new AlertingInstruments(() => LastEvaluation);
    }

    /// <summary>Whether this process is the evaluator now.</summary>
    public bool IsLeader => _lock.IsHeld;

    /// <summary>Raised when this process becomes the evaluator (true) or stands by while another one is (false).</summary>
    public event Action<bool>? LeadershipChanged;

    /// <summary>Raised after each evaluation this process makes (on the loop's thread; keep it short).</summary>
    public event Action<EvaluationReport>? Evaluated;

    /// <summary>The last evaluation this process made, or null.</summary>
    public EvaluationReport? LastEvaluation { get; private set; }

    /// <summary>Why the last pass failed (the store unreachable), or null when it succeeded.</summary>
    public string? LastError { get; private set; }

    public AlertStore Store => _store;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled. Never throws but for cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var nextEvaluation = _time.GetUtcNow();
        var forgotten = false;
        bool? leading = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var wait = _settings.Interval;
            try
            {
                var leader = await _lock.EnsureAsync(cancellationToken);
                if (leader != leading)
                {
                    leading = leader;
                    LeadershipChanged?.Invoke(leader);
                }

                if (leader)
                {
                    if (!forgotten)
                    {
                        await _store.ForgetRulesExceptAsync(_settings.Rules.Select(r => r.Name).ToList(), cancellationToken);
                        forgotten = true;
                    }

                    if (now >= nextEvaluation)
                    {
                        var started = System.Diagnostics.Stopwatch.GetTimestamp();
                        LastEvaluation = await _evaluator.RunOnceAsync(now, cancellationToken);
                        _instruments.Evaluated(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                        nextEvaluation = LastEvaluation.NextEvaluation;
                        Evaluated?.Invoke(LastEvaluation);
                    }

                    await _dispatcher.DeliverDueAsync(cancellationToken); // what the evaluation just queued leaves now
                    if (now - _lastPrune > TimeSpan.FromHours(1))
                    {
                        await _store.PruneAsync(now - ValuesKept, now - TimeSpan.FromDays(_settings.HistoryDays), cancellationToken);
                        _lastPrune = now;
                    }

                    var untilEvaluation = nextEvaluation - _time.GetUtcNow();
                    wait = untilEvaluation < DeliveryPoll ? untilEvaluation : DeliveryPoll;
                }

                if (LastError is not null)
                {
                    _report?.Invoke("alerting works again");
                }

                LastError = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (LastError is null)
                {
                    _report?.Invoke($"alerting cannot reach the log store ({e.Message.TrimEnd('.')}); " +
                        $"it retries every {AlertDuration.Format(_settings.Interval)}");
                }

                LastError = e.Message;
                await _lock.ReleaseAsync();
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lock.DisposeAsync();
        await _store.DisposeAsync();
        await _queries.DisposeAsync();
        _http.Dispose();
        _instruments.Dispose();
    }
}
