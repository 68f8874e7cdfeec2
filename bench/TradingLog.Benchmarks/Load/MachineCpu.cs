using System.Globalization;

namespace TradingLog.Benchmarks.Load;

/// <summary>The machine's CPU counters from <c>/proc/stat</c>: how busy every core was between two readings.</summary>
internal readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Now()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        var total = fields.Take(8).Sum();
        return new MachineCpu(total - idle, total);
    }

    public double BusySince(MachineCpu start) => Total == start.Total ? 0 : (Busy - start.Busy) / (double)(Total - start.Total);
}
