using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using TradingLog.Diagnostics;

namespace TradingLog.Pipeline;

/// <summary>
/// Runs an <see cref="IBatchedLogEventSink"/> (Serilog 4's batched-sink contract) behind a bounded in-memory queue on a
/// writer thread of its own. The call site pays an interlocked increment and a lock-free enqueue; it never waits for
/// I/O, and wakes the writer only when a full batch is waiting. The writer otherwise wakes every buffering interval,
/// takes up to a batch, and calls the sink. When the queue holds <c>capacity</c> events a call drops (counted) or waits a
/// bounded time for room, as configured.
/// </summary>
/// <remarks>
/// Serilog's own batching loop reads a channel whose reader is woken for every event; in a flat-out loop that cost the
/// call site about 1 µs per event per queue (measured: docs/benchmarks.md), and TradingLog runs two queues per event
/// (files and database).
/// </remarks>
public sealed class BatchingQueue : ILogEventSink, IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly IBatchedLogEventSink _sink;
    private readonly QueueGauge _gauge;
    private readonly int _capacity;
    private readonly QueueFullMode _mode;
    private readonly TimeSpan _maxBlock;
    private readonly TradingLogHealth _health;
    private readonly Action? _onDropped;
    private readonly int _batchSize;
    private readonly TimeSpan _bufferingTime;
    private readonly ConcurrentQueue<LogEvent> _queue = new();
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _idle;
    private volatile bool _stopping;
    private int _writerGone;
    private int _disposed;

    /// <summary>Starts the queue and its writer thread in front of <paramref name="sink"/>.</summary>
    /// <param name="sink">The sink the writer thread hands batches to; told when the stop begins if it is an <see cref="IStoppingSink"/>.</param>
    /// <param name="options">Capacity, full-queue behaviour and batching.</param>
    /// <param name="health">Where drops and sink failures are counted and reported.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BatchingQueueOptions.Capacity"/> or
    /// <see cref="BatchingQueueOptions.BatchSize"/> is below 1.</exception>
    public BatchingQueue(IBatchedLogEventSink sink, BatchingQueueOptions options, TradingLogHealth health)
        : this(sink, new QueueGauge(), options, health)
    {
    }

    internal BatchingQueue(IBatchedLogEventSink sink, QueueGauge gauge, BatchingQueueOptions options, TradingLogHealth health)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        _sink = sink;
        _gauge = gauge;
        _capacity = options.Capacity;
        _mode = options.FullMode;
        _maxBlock = options.MaxBlock;
        _batchSize = options.BatchSize;
        _bufferingTime = options.BufferingTime;
        _health = health;
        _onDropped = options.OnDropped;
        new Thread(Run) { IsBackground = true, Name = "TradingLog writer: " + sink.GetType().Name }.Start();
    }

    /// <summary>Events enqueued and not yet handed to the sink.</summary>
    public long Depth => _gauge.Depth;

    /// <summary>Enqueues the event; never throws and never waits for I/O (it may wait up to <see cref="BatchingQueueOptions.MaxBlock"/> for room).</summary>
    public void Emit(LogEvent logEvent)
    {
        // The increment comes before the check and the writer leaves only after marking itself gone and seeing the gauge
        // at zero, so an event is either written or counted as logged after the stop: none is left in a dead queue.
        // Whether a stopping pipeline takes an event at all is decided once per event, for every sink, by StopGate.
        var depth = _gauge.Increment();
        if (Volatile.Read(ref _writerGone) == 1)
        {
            _gauge.Decrement(1);
            _health.LoggedAfterStop(this, logEvent);
            return;
        }

        if (depth > _capacity && !WaitForRoom())
        {
            _gauge.Decrement(1);
            _health.QueueFull(this, logEvent);
            _onDropped?.Invoke();
            return;
        }

        _queue.Enqueue(logEvent);
        if (depth >= _batchSize && Volatile.Read(ref _idle) == 1)
        {
            _wake.Set();
        }
    }

    private bool WaitForRoom()
    {
        if (_mode == QueueFullMode.Drop)
        {
            return false;
        }

        var deadline = Environment.TickCount64 + (long)_maxBlock.TotalMilliseconds;
        var spinner = default(SpinWait);
        while (_gauge.Depth > _capacity)
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            spinner.SpinOnce(sleep1Threshold: 20);
        }

        return true;
    }

    private void Run()
    {
        var batch = new List<LogEvent>(_batchSize);
        try
        {
            while (true)
            {
                var stopping = _stopping;
                while (batch.Count < _batchSize && _queue.TryDequeue(out var logEvent))
                {
                    batch.Add(logEvent);
                }

                if (batch.Count > 0)
                {
                    Write(batch);
                    if (batch.Count == _batchSize || stopping)
                    {
                        batch.Clear();
                        continue; // more may be waiting: no pause between full batches, nor while draining to stop
                    }

                    batch.Clear();
                }
                else if (stopping)
                {
                    Interlocked.Exchange(ref _writerGone, 1);
                    if (_gauge.Depth <= 0)
                    {
                        return;
                    }

                    // A call is between its increment and its enqueue: stay for it.
                    Interlocked.Exchange(ref _writerGone, 0);
                    Thread.Yield();
                    continue;
                }
                else
                {
                    Idle();
                }

                // Announce the wait before checking the queue once more, so that a call that fills a batch meanwhile
                // either sees the writer idle and wakes it, or is seen here.
                Interlocked.Exchange(ref _idle, 1);
                if (_gauge.Depth < _batchSize && !_stopping)
                {
                    _wake.Wait(_bufferingTime);
                }

                Interlocked.Exchange(ref _idle, 0);
                _wake.Reset();
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void Write(List<LogEvent> batch)
    {
        try
        {
            _sink.EmitBatchAsync(batch).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // The sinks handle their own failures; this is the last line, so that the writer never dies.
            SelfLog.WriteLine("TradingLog: {0} failed a batch of {1} events: {2}", _sink.GetType().Name, batch.Count, e);
            _health.OnLoggingFailed(this, LoggingFailureKind.Permanent, $"{_sink.GetType().Name} failed a batch", batch, e);
        }
        finally
        {
            _gauge.Decrement(batch.Count);
        }
    }

    private void Idle()
    {
        try
        {
            _sink.OnEmptyBatchAsync().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            SelfLog.WriteLine("TradingLog: {0} failed while idle: {1}", _sink.GetType().Name, e);
        }
    }

    /// <summary>Writes what is queued, then disposes the sink.</summary>
    public void Dispose()
    {
        if (Stop())
        {
            _stopped.Task.Wait(StopTimeout);
            (_sink as IDisposable)?.Dispose();
            _wake.Dispose();
        }
    }

    /// <summary>Writes what is queued without blocking a thread, then disposes the sink.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Stop())
        {
            await _stopped.Task.WaitAsync(StopTimeout).ConfigureAwait(false);
            if (_sink is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                (_sink as IDisposable)?.Dispose();
            }

            _wake.Dispose();
        }
    }

    private bool Stop()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return false;
        }

        _stopping = true;
        try
        {
            (_sink as IStoppingSink)?.BeginStop();
        }
        catch (Exception e)
        {
            SelfLog.WriteLine("TradingLog: {0} failed to begin its stop: {1}", _sink.GetType().Name, e);
        }

        _wake.Set();
        return true;
    }
}
