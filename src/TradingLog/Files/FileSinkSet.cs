using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using TradingLog.Diagnostics;

namespace TradingLog.Files;

/// <summary>
/// The batched sink behind every log file of a process. It formats each event once, on the background task,
/// and hands the line to every <see cref="FileTarget"/> whose route accepts the event.
/// A failing event or file never affects the others.
/// </summary>
internal sealed class FileSinkSet(IReadOnlyList<FileTarget> targets, ITextFormatter formatter, TradingLogHealth health)
    : IBatchedLogEventSink, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly LineBatch _lines = new();
    private readonly List<int>[] _selected = [.. targets.Select(_ => new List<int>())];
    private byte[] _bytes = new byte[4096];

    public IReadOnlyList<FileTarget> Targets { get; } = targets;

    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        _lines.Clear();
        foreach (var list in _selected)
        {
            list.Clear();
        }

        var index = 0;
        foreach (var logEvent in batch)
        {
            var wanted = false;
            for (var t = 0; t < Targets.Count; t++)
            {
                if (Targets[t].Accepts(logEvent))
                {
                    _selected[t].Add(index);
                    wanted = true;
                }
            }

            // An event no file takes (all routes off, say) is not formatted at all.
            if (wanted)
            {
                AddLine(logEvent);
                index++;
            }
        }

        for (var t = 0; t < Targets.Count; t++)
        {
            if (_selected[t].Count > 0 || Targets[t].HasPending)
            {
                Targets[t].Write(_lines, _selected[t]);
            }
        }

        return Task.CompletedTask;
    }

    public Task OnEmptyBatchAsync()
    {
        foreach (var target in Targets)
        {
            target.Flush();
        }

        return Task.CompletedTask;
    }

    private void AddLine(LogEvent logEvent)
    {
        var builder = _text.GetStringBuilder();
        builder.Clear();
        try
        {
            formatter.Format(logEvent, _text);
        }
        catch (Exception e)
        {
            // A value whose ToString() throws must not cost the line: write what is safe to write.
            builder.Clear();
            builder.Append(logEvent.Timestamp.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append(" | ").Append(LevelNames.ToName(logEvent.Level))
                .Append(" | [unformattable event: ").Append(e.GetType().Name).Append("] ")
                .Append(logEvent.MessageTemplate.Text).Append('\n');
            health.OnLoggingFailed(this, LoggingFailureKind.Temporary, "an event could not be formatted; its template was written instead", [logEvent], e);
        }

        var needed = Utf8.GetMaxByteCount(builder.Length);
        if (needed > _bytes.Length)
        {
            _bytes = new byte[Math.Max(needed, _bytes.Length * 2)];
        }

        var count = 0;
        foreach (var chunk in builder.GetChunks())
        {
            count += Utf8.GetBytes(chunk.Span, _bytes.AsSpan(count));
        }

        _lines.Add(_bytes.AsSpan(0, count));
    }

    public void Dispose()
    {
        foreach (var target in Targets)
        {
            target.Dispose();
        }

        _text.Dispose();
    }
}
