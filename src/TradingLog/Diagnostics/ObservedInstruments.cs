using System.Diagnostics.Metrics;

namespace TradingLog.Diagnostics;

/// <summary>
/// TradingLog's observable instruments, one per name for the whole process: each pipeline adds a reader of its own
/// counters, and a collection sums the readers' values that carry the same tags. Two pipelines of one service in one
/// process (a test host beside another, a tool's second pipeline) then add up, where two instruments of one name would
/// each report the same series and the last would win.
/// </summary>
internal static class ObservedInstruments
{
    private static readonly Meter Meter = new(TradingLogInstruments.MeterName, typeof(ObservedInstruments).Assembly.GetName().Version?.ToString());
    private static readonly Dictionary<string, List<Func<IEnumerable<Measurement<long>>>>> Readers = new(StringComparer.Ordinal);

    /// <summary>
    /// A stopped pipeline's last counts, kept per counter and series, so that a counter never goes down when one of two
    /// pipelines of a service stops (Prometheus would read that as a reset).
    /// </summary>
    private static readonly Dictionary<List<Func<IEnumerable<Measurement<long>>>>, List<Measurement<long>>> Retired = [];

    /// <summary>Adds a reader to the counter <paramref name="name"/> (created on first use); disposing the result removes it.</summary>
    public static IDisposable Counter(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> read) =>
        Add(name, read, list => Meter.CreateObservableCounter(name, () => Sum(list), unit, description), retain: true);

    /// <summary>Adds a reader to the gauge <paramref name="name"/> (created on first use); disposing the result removes it.</summary>
    public static IDisposable Gauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> read) =>
        Add(name, read, list => Meter.CreateObservableGauge(name, () => Sum(list), unit, description), retain: false);

    private static Registration Add(string name, Func<IEnumerable<Measurement<long>>> read, Action<List<Func<IEnumerable<Measurement<long>>>>> create,
        bool retain)
    {
        lock (Readers)
        {
            if (!Readers.TryGetValue(name, out var list))
            {
                list = [];
                Readers[name] = list;
                create(list);
            }

            list.Add(read);
            return new Registration(list, read, retain);
        }
    }

    private static List<Measurement<long>> Sum(List<Func<IEnumerable<Measurement<long>>>> readers)
    {
        Func<IEnumerable<Measurement<long>>>[] snapshot;
        List<Measurement<long>> retired;
        lock (Readers)
        {
            snapshot = [.. readers];
            retired = Retired.TryGetValue(readers, out var kept) ? [.. kept] : [];
        }

        var measurements = new List<Measurement<long>>(retired);
        foreach (var read in snapshot)
        {
            try
            {
                measurements.AddRange(read());
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                // A pipeline stopping while it is read.
            }
        }

        return Merge(measurements);
    }

    /// <summary>One measurement per tag set, the values of equal tag sets added.</summary>
    private static List<Measurement<long>> Merge(IEnumerable<Measurement<long>> measurements)
    {
        var sums = new Dictionary<string, (long Value, KeyValuePair<string, object?>[] Tags)>(StringComparer.Ordinal);
        foreach (var measurement in measurements)
        {
            var tags = measurement.Tags.ToArray();
            var key = string.Join("\u0001", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value));
            sums[key] = sums.TryGetValue(key, out var sum) ? (sum.Value + measurement.Value, sum.Tags) : (measurement.Value, tags);
        }

        return [.. sums.Values.Select(s => new Measurement<long>(s.Value, s.Tags))];
    }

    private sealed class Registration(List<Func<IEnumerable<Measurement<long>>>> list, Func<IEnumerable<Measurement<long>>> read, bool retain)
        : IDisposable
    {
        public void Dispose()
        {
            List<Measurement<long>> last = [];
            if (retain)
            {
                try
                {
                    last = [.. read()];
                }
                catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
                {
                }
            }

            lock (Readers)
            {
                if (list.Remove(read) && last.Count > 0)
                {
                    if (!Retired.TryGetValue(list, out var retired))
                    {
                        retired = [];
                        Retired[list] = retired;
                    }

                    retired.AddRange(last);
                    Retired[list] = Merge(retired);
                }
            }
        }
    }
}
