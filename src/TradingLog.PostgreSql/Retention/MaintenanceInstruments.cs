using System.Diagnostics.Metrics;
using TradingLog.Diagnostics;

namespace TradingLog.PostgreSql.Retention;

/// <summary>Cleanup's instruments, on the process's maintenance meter: whichever process runs cleanup publishes them.</summary>
internal static class MaintenanceInstruments
{
    private static readonly Meter Meter = new(TradingLogInstruments.MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(TradingLogInstruments.CleanupDuration, "s", "One cleanup run");

    private static readonly Counter<long> Rows = Meter.CreateCounter<long>(TradingLogInstruments.CleanupRows, "{row}", "Rows cleanup moved");

    public static void Record(CleanupReport report)
    {
        if (report.DryRun)
        {
            return;
        }

        Duration.Record((report.FinishedAt - report.StartedAt).TotalSeconds, new KeyValuePair<string, object?>("status", report.Status));
        Rows.Add(report.RowsArchived, new KeyValuePair<string, object?>("action", "archived"));
        Rows.Add(report.RowsPurged, new KeyValuePair<string, object?>("action", "purged"));
    }
}
