using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using TradingLog.Diagnostics;

namespace TradingLog.Pipeline;

/// <summary>Writes batches of formatted events to standard error, off the call site.</summary>
internal sealed class ConsoleSink(ITextFormatter formatter, TradingLogHealth health, TextWriter? output = null) : IBatchedLogEventSink, IDisposable
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213", Justification = "standard error stays open; Dispose flushes it")]
    private readonly TextWriter _output = output ?? new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = false };
    private readonly StringWriter _buffer = new(CultureInfo.InvariantCulture);

    // Synchronous on purpose: it runs on the console queue's own writer thread, and the buffer is memory.
#pragma warning disable CA1849
    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        _buffer.GetStringBuilder().Clear();
        foreach (var logEvent in batch)
        {
            var mark = _buffer.GetStringBuilder().Length;
            try
            {
                formatter.Format(logEvent, _buffer);
            }
            catch (Exception)
            {
                _buffer.GetStringBuilder().Length = mark;
                _buffer.Write("[unformattable event] ");
                _buffer.Write(logEvent.MessageTemplate.Text);
                _buffer.Write('\n');
            }
        }

        try
        {
            _output.Write(_buffer.GetStringBuilder());
            _output.Flush();
        }
        catch (Exception e)
        {
            health.OnLoggingFailed(this, LoggingFailureKind.Temporary, "cannot write to the console", null, e);
        }

        return Task.CompletedTask;
    }

#pragma warning restore CA1849

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    /// <summary>Flushes standard error (which stays open) and drops the buffer.</summary>
    public void Dispose()
    {
        try
        {
            _output.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }

        _buffer.Dispose();
    }
}
