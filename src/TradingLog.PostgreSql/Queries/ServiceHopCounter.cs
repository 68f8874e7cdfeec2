namespace TradingLog.PostgreSql.Queries;

/// <summary>
/// Finds the hops between services in events given in time order: per correlation ID it remembers the last service and
/// time and the services already visited; a correlation's first arrival at a service is a hop from the service of the
/// event before it. A return to a service already visited is a reply (risk management answering execution, execution
/// logging after analytics answered), not a flow, and is not counted. Distinct correlations per edge are counted with a bit per
/// edge on each correlation. Percentiles interpolate as PostgreSQL's <c>percentile_cont</c> does.
/// </summary>
internal sealed class ServiceHopCounter
{
    private readonly Dictionary<string, Last> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), int> _edgeIndex = [];
    private readonly List<Edge> _edges = [];
    private readonly Dictionary<string, int> _serviceIndex = new(StringComparer.Ordinal);

    /// <summary>Takes the next event; <paramref name="ticks"/> are its time's ticks, events in time order.</summary>
    public void Add(string correlationId, string service, long ticks)
    {
        ref var last = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_last, correlationId, out var seen);
        if (!_serviceIndex.TryGetValue(service, out var serviceIndex))
        {
            serviceIndex = _serviceIndex.Count;
            _serviceIndex[service] = serviceIndex;
        }

        // Services past the 64th are tracked as never visited: their returns count as hops, as before this rule.
        var serviceBit = serviceIndex < 64 ? 1UL << serviceIndex : 0;
        var firstArrival = (last.Visited & serviceBit) == 0;
        last.Visited |= serviceBit;
        if (seen && firstArrival && !string.Equals(last.Service, service, StringComparison.Ordinal))
        {
            if (!_edgeIndex.TryGetValue((last.Service, service), out var index))
            {
                index = _edges.Count;
                _edgeIndex[(last.Service, service)] = index;
                _edges.Add(new Edge(last.Service, service));
            }

            var edge = _edges[index];
            edge.Gaps.Add((ticks - last.Ticks) / (double)TimeSpan.TicksPerMillisecond);
            if (index < 64)
            {
                if ((last.Edges & (1UL << index)) == 0)
                {
                    last.Edges |= 1UL << index;
                    edge.Correlations++;
                }
            }
            else if (edge.Overflow.Add(correlationId))
            {
                edge.Correlations++;
            }
        }

        last.Service = service;
        last.Ticks = ticks;
    }

    /// <summary>The edges, most hops first.</summary>
    public IReadOnlyList<ServiceHop> Hops() =>
    [
        .. _edges.Select(e =>
        {
            e.Gaps.Sort();
            return new ServiceHop(e.From, e.To, e.Gaps.Count, e.Correlations, Math.Round(Percentile(e.Gaps, 0.5), 3), Math.Round(Percentile(e.Gaps, 0.95), 3));
        })
        .OrderByDescending(h => h.Count).ThenBy(h => h.From, StringComparer.Ordinal).ThenBy(h => h.To, StringComparer.Ordinal),
    ];

    /// <summary>PostgreSQL's <c>percentile_cont</c>: linear interpolation between the two nearest of the sorted values.</summary>
    internal static double Percentile(List<double> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    private struct Last
    {
        public string Service;
        public long Ticks;
        public ulong Edges;
        public ulong Visited;
    }

    private sealed class Edge(string from, string to)
    {
        public string From { get; } = from;

        public string To { get; } = to;

        public List<double> Gaps { get; } = [];

        public long Correlations { get; set; }

        public HashSet<string> Overflow { get; } = new(StringComparer.Ordinal);
    }
}
