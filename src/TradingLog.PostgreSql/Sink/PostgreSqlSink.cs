using Npgsql;
using Serilog.Core;
using Serilog.Events;
using TradingLog.Diagnostics;
using TradingLog.Performance;
using TradingLog.Pipeline;
using TradingLog.PostgreSql.Schema;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// The batched sink that stores events in PostgreSQL. Per batch: encode (sanitise) every event, then COPY all rows in
/// one transaction. When the database is away the batch goes to the <see cref="BatchSpool"/>, and later batches follow
/// it there until the spool has been replayed, so order is kept. When PostgreSQL refuses a batch for its data, the batch
/// is split to isolate the bad rows, which go to the dead-letter file; every good row is stored. Nothing is thrown.
/// </summary>
internal sealed class PostgreSqlSink : IBatchedLogEventSink, IStoppingSink, IDisposable
{
    // A refused connection costs the database nothing, and every second of waiting after it is back is a second of
    // logs kept from queries: retry at most 5 s apart (measured: a 30 s cap replayed 16 s after the restart).
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly Func<CancellationToken, Task<LogDatabase>> _connect;
    private readonly LogEventEncoder _encoder;
    private readonly BatchSpool _spool;
    private readonly DeadLetterWriter _deadLetters;
    private readonly DatabaseSinkMetrics _metrics;
    private readonly TradingLogHealth _health;
    private readonly SinkTimeouts _timeouts;
    // Never disposed: a write abandoned at the stop bound may still hold its token when the sink is gone.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213", Justification = "outlives Dispose on purpose")]
    private readonly CancellationTokenSource _deadline = new();
    private readonly TaskCompletionSource _deadlinePassed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _deadlineArmed;
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213", Justification = "disposed in ForgetConnection and Dispose")]
    private NpgsqlDataSource? _dataSource;
    private Task _inFlight = Task.CompletedTask;
    private CopyBatchWriter? _writer;
    private int _consecutiveFailures;
    private int _partitionDaysAhead;
    private DateTime _nextPartitionCheck = DateTime.MaxValue;
    private DateTime _retryAt = DateTime.MinValue;

    public PostgreSqlSink(Func<CancellationToken, Task<LogDatabase>> connect, LogEventEncoder encoder, BatchSpool spool,
        DeadLetterWriter deadLetters, DatabaseSinkMetrics metrics, TradingLogHealth health, SinkTimeouts? timeouts = null,
        CancellationToken stopping = default)
    {
        _timeouts = timeouts ?? SinkTimeouts.Default;
        stopping.Register(ArmDeadline);
        _deadline.Token.Register(() => _deadlinePassed.TrySetResult());
        _connect = connect;
        _encoder = encoder;
        _spool = spool;
        _deadLetters = deadLetters;
        _metrics = metrics;
        _health = health;
    }

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        using var quiet = QueryTiming.Suppress();
        var encoded = new List<EncodedEvent>(batch.Count);
        foreach (var logEvent in batch)
        {
            try
            {
                encoded.Add(_encoder.Encode(logEvent));
            }
            catch (Exception e)
            {
                Report(LoggingFailureKind.Permanent, "an event could not be encoded; it was dead-lettered", e);
                TryDeadLetter(() => _deadLetters.Write(new EncodedEvent(new SystemLogRow(Guid.CreateVersion7(), logEvent.Timestamp.UtcDateTime,
                    "unknown", LevelNames.ToName(logEvent.Level), null, logEvent.MessageTemplate.Text, null, "{}"u8.ToArray())),
                    "encoding failed: " + e.Message), 1);
            }
        }

        // Pipelining: this batch was encoded while the one before it was being copied. It starts copying the moment
        // that one is done, on the thread that finished it (no hand-off through the writer thread, which costs a
        // scheduling delay per batch on a busy machine), so order is kept. The writer waits for that batch only, and
        // goes on encoding the next one meanwhile: at most two encoded batches are held.
        var previous = _inFlight;
#pragma warning disable CA2025 // the delivery keeps the suppressed query timing it started with; the scope only restores this flow
        _inFlight = DeliverAfterAsync(previous, encoded);
#pragma warning restore CA2025
        await previous;
    }

    private async Task DeliverAfterAsync(Task previous, List<EncodedEvent> batch)
    {
        // The previous batch's failure was reported to the writer that awaited it; this batch is delivered regardless.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        await DeliverAsync(batch);
    }

    /// <summary>Completes when the last batch handed to <see cref="EmitBatchAsync"/> is stored, spooled or dead-lettered.</summary>
    internal Task WaitForDeliveryAsync() => _inFlight;

    public async Task OnEmptyBatchAsync()
    {
        using var quiet = QueryTiming.Suppress();
        await _inFlight;
        if (DateTime.UtcNow >= _retryAt && !_spool.IsEmpty && !_deadline.IsCancellationRequested)
        {
            await WithinStopBoundAsync(ReplayAsync(_deadline.Token), fallback: false);
        }
    }

    private async Task DeliverAsync(List<EncodedEvent> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // Past the stop bound, or while the database is away, batches go straight to the spool, in order.
        if (_deadline.IsCancellationRequested || DateTime.UtcNow < _retryAt
            || !_spool.IsEmpty && !await WithinStopBoundAsync(ReplayAsync(_deadline.Token), fallback: false))
        {
            Spool(batch);
            return;
        }

        await WithinStopBoundAsync(KeepPartitionsAheadAsync(_deadline.Token));
        var write = WriteIsolatingAsync(batch, deduplicate: false, _deadline.Token);
        if (await Task.WhenAny(write, _deadlinePassed.Task) != write)
        {
            // The stop bound passed while the write still waited: Npgsql's connection attempts observe their own timeout,
            // not cancellation. The whole batch is spooled now; should the abandoned write still commit, its replay meets
            // the (event_id, timestamp) unique index and goes the deduplicating way, so nothing is stored twice.
            Observe(write);
            StoppedInTime(batch);
            Spool(batch);
            return;
        }

        var unavailable = await write;
        if (unavailable.Count > 0)
        {
            Spool(unavailable);
        }
    }

    /// <summary>
    /// Waits for <paramref name="work"/> until the stop bound passes; then leaves it running unobserved and returns
    /// <paramref name="fallback"/>. A replay left so keeps its spool claim, which the next start releases.
    /// </summary>
    private async Task<bool> WithinStopBoundAsync(Task<bool> work, bool fallback)
    {
        if (await Task.WhenAny(work, _deadlinePassed.Task) == work)
        {
            return await work;
        }

        Observe(work);
        return fallback;
    }

    private async Task WithinStopBoundAsync(Task work)
    {
        if (await Task.WhenAny(work, _deadlinePassed.Task) == work)
        {
            await work;
            return;
        }

        Observe(work);
    }

    /// <summary>Keeps an abandoned task's eventual failure from going unobserved.</summary>
    private static void Observe(Task task) => task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>How often a running sink makes sure the partitions ahead exist (a service may outlive them).</summary>
    internal static TimeSpan PartitionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Creates the days ahead itself, as the writer role may (<c>tradelog_ensure_partitions_ahead</c>), instead of relying on
    /// a cleanup having run: a service that outlives <c>partition_days_ahead</c> would otherwise fill the default partition.
    /// A failure costs nothing but a report: rows land in the default partition, and cleanup moves them.
    /// </summary>
    private async Task KeepPartitionsAheadAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is null || DateTime.UtcNow < _nextPartitionCheck)
        {
            return;
        }

        _nextPartitionCheck = DateTime.UtcNow + PartitionCheckInterval;
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT tradelog_ensure_partitions_ahead($1)", connection)
            {
                Parameters = { new() { Value = _partitionDaysAhead } },
            };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException or IOException)
        {
            Report(LoggingFailureKind.Temporary, "the partitions ahead could not be created; rows go to the default partition until they are", e);
        }
    }

    /// <summary>Replays spooled batches oldest first; true when the spool is empty afterwards.</summary>
    private async Task<bool> ReplayAsync(CancellationToken cancellationToken)
    {
        while (_spool.ClaimOldest() is { } claim)
        {
            // The plain COPY first: only a batch whose commit was in flight when the database went away can already be
            // stored, and its rows then break the (event_id, timestamp) unique index, which sends the batch down the
            // deduplicating path. Every other batch replays at full COPY speed.
            var unavailable = await WriteIsolatingAsync(claim.Batch, deduplicate: false, cancellationToken);
            if (unavailable.Count > 0)
            {
                _spool.Release(claim);
                return false;
            }

            BatchSpool.Complete(claim);
            _metrics.AddReplayed(claim.Batch.Count);
        }

        return true;
    }

    /// <summary>Writes the batch; returns the events that could not be written because the database is away.</summary>
    private async Task<IReadOnlyList<EncodedEvent>> WriteIsolatingAsync(IReadOnlyList<EncodedEvent> batch, bool deduplicate,
        CancellationToken cancellationToken,
        int attempt = 1)
    {
        CopyBatchWriter writer;
        try
        {
            writer = await WriterAsync(cancellationToken);
        }
        catch (Exception e)
        {
            return Unavailable(batch, e);
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await writer.WriteAsync(batch, deduplicate, cancellationToken);
            _metrics.CopyTook(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            _metrics.AddWritten(batch.Count);
            _consecutiveFailures = 0;
            return [];
        }
        catch (PatternRecordingException e)
        {
            _metrics.AddWritten(batch.Count);
            if (e.InnerException is PostgresException)
            {
                Report(LoggingFailureKind.Temporary, "a batch was stored but its patterns could not be recorded; the next batch records them", e);
                return [];
            }

            // The database went away right after the commit: the batch is stored, and later batches wait for the
            // database as after any failed write, instead of each waiting out the write bound.
            _dataSource?.Clear();
            _ = Unavailable([], e);
            return [];
        }
        catch (Exception e)
        {
            switch (FailureClassifier.Classify(e))
            {
                case FailureKind.Duplicate:
                    return await WriteIsolatingAsync(batch, deduplicate: true, cancellationToken);
                case FailureKind.PartitionMoved when attempt < 3:
                    await Task.Delay(100 * attempt, cancellationToken);
                    return await WriteIsolatingAsync(batch, deduplicate, cancellationToken, attempt + 1);
                case FailureKind.CredentialsChanged:
                    // Resolve the database again on the next try: the embedded server's state file has new credentials.
                    ForgetConnection();
                    return _deadline.IsCancellationRequested ? StoppedInTime(batch) : Unavailable(batch, e);
                case FailureKind.PartitionMoved:
                    return _deadline.IsCancellationRequested ? StoppedInTime(batch) : Unavailable(batch, e);
                case FailureKind.BadData when batch.Count == 1:
                    Report(LoggingFailureKind.Permanent, "PostgreSQL refused a row; it was dead-lettered", e);
                    TryDeadLetter(() => _deadLetters.Write(batch[0], e.Message), 1);
                    return [];
                case FailureKind.BadData:
                    var half = batch.Count / 2;
                    var first = await WriteIsolatingAsync([.. batch.Take(half)], deduplicate, cancellationToken);
                    var second = first.Count > 0 ? [.. batch.Skip(half)] : await WriteIsolatingAsync([.. batch.Skip(half)], deduplicate, cancellationToken);
                    return [.. first, .. second];
                default:
                    if (e is not PostgresException)
                    {
                        _dataSource?.Clear();
                    }

                    return _deadline.IsCancellationRequested ? StoppedInTime(batch) : Unavailable(batch, e);
            }
        }
    }

    private IReadOnlyList<EncodedEvent> StoppedInTime(IReadOnlyList<EncodedEvent> batch)
    {
        Report(LoggingFailureKind.Temporary,
            $"the stop's bound of {_timeouts.Shutdown.TotalSeconds:0.#} s (database.shutdown_timeout) passed; the rest is spooled for the next start", null);
        return batch;
    }

    private IReadOnlyList<EncodedEvent> Unavailable(IReadOnlyList<EncodedEvent> batch, Exception e)
    {
        _consecutiveFailures++;
        var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(_consecutiveFailures, 10))));
        _retryAt = DateTime.UtcNow + backoff;
        Report(LoggingFailureKind.Temporary, $"the database is unavailable; batches are spooled and retried in {backoff.TotalSeconds:0.#} s", e);
        return batch;
    }

    private void ForgetConnection()
    {
        _writer = null;
        var dataSource = _dataSource;
        _dataSource = null;
        dataSource?.Dispose();
    }

    private async Task<CopyBatchWriter> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            return _writer;
        }

        var database = await _connect(cancellationToken);
        await database.MigrateAsync(_timeouts.Write, cancellationToken);
        _dataSource = LogDatabase.CreateDataSource(database.WriterConnectionString, LogDatabase.SinkApplicationName, maxPoolSize: 4,
            commandTimeout: _timeouts.Write);
        _writer = new CopyBatchWriter(_dataSource, database.Tables, _timeouts.Write);
        _partitionDaysAhead = database.PartitionDaysAhead;
        _nextPartitionCheck = DateTime.UtcNow + PartitionCheckInterval; // the migration just created them
        return _writer;
    }

    private void Spool(IReadOnlyList<EncodedEvent> batch)
    {
        try
        {
            _spool.Append(batch);
        }
        catch (Exception e)
        {
            _metrics.AddDropped(batch.Count);
            Report(LoggingFailureKind.Permanent, $"the spool could not be written; {batch.Count} events are lost", e);
        }
    }

    private void TryDeadLetter(Action write, long count)
    {
        try
        {
            write();
            _metrics.AddDeadLettered(count);
        }
        catch (Exception e)
        {
            _metrics.AddDropped(count);
            Report(LoggingFailureKind.Permanent, "the dead-letter file could not be written", e);
        }
    }

    private void Report(LoggingFailureKind kind, string message, Exception? exception)
    {
        _metrics.Failed(exception is null ? message : $"{message}: {exception.Message}");
        _health.OnLoggingFailed(this, kind, message, null, exception);
    }

    /// <summary>
    /// Starts the stop bound (<c>database.shutdown_timeout</c>) once, when the host begins to stop or, for a sink used on
    /// its own, when it is disposed. When it passes, the write in flight is cancelled and its batch spooled, and every
    /// later batch goes to the spool without trying the database.
    /// </summary>
    /// <inheritdoc />
    public void BeginStop() => ArmDeadline();

    private void ArmDeadline()
    {
        if (Interlocked.Exchange(ref _deadlineArmed, 1) == 0)
        {
            _deadline.CancelAfter(_timeouts.Shutdown);
        }
    }

    /// <summary>
    /// Called after the queue has drained: waits for the last write and replays the spool while the stop bound allows;
    /// what remains stays spooled for the next start.
    /// </summary>
    public void Dispose()
    {
        using var quiet = QueryTiming.Suppress();
        ArmDeadline();
        try
        {
            // The batch in flight spools itself when the bound passes; the replay is left where it stands.
            Task.WhenAny(_inFlight, _deadlinePassed.Task).GetAwaiter().GetResult();
            if (!_spool.IsEmpty && !_deadline.IsCancellationRequested)
            {
                WithinStopBoundAsync(ReplayAsync(_deadline.Token), fallback: false).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException)
        {
            // The stop bound passed during the replay; the claimed batch was released back to the spool.
        }
        catch (Exception e)
        {
            Report(LoggingFailureKind.Temporary, "the spool could not be flushed at shutdown; it is kept for the next start", e);
        }

        _dataSource?.Dispose();
        _encoder.Dispose();
    }
}
