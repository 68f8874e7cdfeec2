using System.Diagnostics;
using System.Globalization;

namespace TradingLog.Benchmarks.Ingest;

/// <summary>
/// Where a contender's time went: this process's CPU, the garbage collector's pauses and the CPU of every PostgreSQL
/// process (read from <c>/proc</c>; zero where there is none), and the bytes this process allocated. On 2 cores these say who was waiting for whom.
/// </summary>
internal readonly record struct CpuMeter(TimeSpan Client, TimeSpan GcPause, TimeSpan Server, long Allocated)
{
    public static CpuMeter Now()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuMeter(self.TotalProcessorTime, GC.GetTotalPauseDuration(), ServerCpu(), GC.GetTotalAllocatedBytes());
    }

    public CpuMeter Since(CpuMeter start) => new(Client - start.Client, GcPause - start.GcPause, Server - start.Server, Allocated - start.Allocated);

    private static TimeSpan ServerCpu()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command (1-based): utime 14, stime 15, and cutime 16, cstime 17, which hold the
                // postmaster's ended backends, in clock ticks.
                var fields = stat[(close + 2)..].Split(' ');
                for (var field = 14; field <= 17; field++)
                {
                    ticks += long.Parse(fields[field - 3], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        // Linux reports in USER_HZ, 100 per second on every mainstream kernel.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
