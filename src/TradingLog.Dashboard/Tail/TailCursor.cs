namespace TradingLog.Dashboard.Tail;

/// <summary>
/// Where the live tail's poller is in the active table's ids. Ids come from one sequence but commit out of order: a
/// batch of another process may hold lower ids and commit a moment later. Ids skipped over are remembered as gaps for
/// <see cref="GapPatience"/> and asked for again, so a late commit still reaches the browsers; a gap that never fills (a
/// rolled-back batch) is forgotten then.
/// </summary>
internal sealed class TailCursor(long start)
{
    /// <summary>How long a skipped id is asked for again.</summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(10);

    /// <summary>The most gap ids remembered; past it the oldest are given up (a burst of that many in-flight rows).</summary>
    public const int MaxGaps = 50_000;

    private readonly Queue<(long Id, DateTimeOffset Since)> _order = new();
    private readonly HashSet<long> _gaps = [];

    /// <summary>The highest id delivered.</summary>
    public long Position { get; private set; } = start;

    /// <summary>The ids skipped over and still awaited.</summary>
    public IReadOnlyCollection<long> Gaps => _gaps;

    /// <summary>Takes the ids a poll returned (in any order); returns those not delivered before, in id order.</summary>
    public List<long> Advance(IEnumerable<long> ids, DateTimeOffset now)
    {
        var fresh = new List<long>();
        foreach (var id in ids.Order())
        {
            if (id > Position)
            {
                for (var missing = Position + 1; missing < id && _gaps.Count < MaxGaps; missing++)
                {
                    _gaps.Add(missing);
                    _order.Enqueue((missing, now));
                }

                Position = id;
                fresh.Add(id);
            }
            else if (_gaps.Remove(id))
            {
                fresh.Add(id);
            }
        }

        while (_order.TryPeek(out var oldest) && (now - oldest.Since > GapPatience || _order.Count > MaxGaps))
        {
            _order.Dequeue();
            _gaps.Remove(oldest.Id);
        }

        return fresh;
    }
}
