using TradingLog.Benchmarks.Charts;

namespace TradingLog.Benchmarks.Outage;

/// <summary>Samples of resident memory, spool size and queue depth over the outage, for the chart.</summary>
internal sealed class Timeline
{
    private const double MiB = 1024 * 1024;
    private readonly List<(double Seconds, long Rss, long Spool, long Queue)> _samples = [];

    public void Add(double seconds, long rss, long spool, long queue)
    {
        lock (_samples)
        {
            _samples.Add((seconds, rss, spool, queue));
        }
    }

    public IReadOnlyList<LineFigure> Lines()
    {
        lock (_samples)
        {
            var x = _samples.Select(s => Math.Round(s.Seconds, 2)).ToList();
            return
            [
                new LineFigure("resident memory", "MiB", x, [.. _samples.Select(s => Math.Round(s.Rss / MiB, 1))]),
                new LineFigure("spool on disk", "MiB", x, [.. _samples.Select(s => Math.Round(s.Spool / MiB, 1))]),
                new LineFigure("queue", "thousand events", x, [.. _samples.Select(s => s.Queue / 1000.0)]),
            ];
        }
    }
}
