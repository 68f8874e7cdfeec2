using System.Diagnostics;
using System.Globalization;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Sink;

namespace TradingLog.Benchmarks.Load;

/// <summary>
/// One process of the load benchmark (<c>load-writer SERVICE RATE SECONDS CONNECTION FOLDER</c>): a service logging at a
/// paced rate to its files and the database, printing a sample a second (<c>S seconds rss queued written emitted spooled
/// dropped</c>) and, after its stop has flushed, <c>E emitted written dropped spooled</c>.
/// </summary>
internal static class LoadWriter
{
    private static readonly string[] Symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG"];

    public static int Run(string[] args)
    {
        var (service, rate, seconds, connection, folder) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture),
            int.Parse(args[3], CultureInfo.InvariantCulture), args[4], args[5]);
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero;
        settings.Services[service] = new ServiceSettings { Level = Serilog.Events.LogEventLevel.Information }; // risk_management logs INFO too
        settings.Database.ConnectionString = connection;
        settings.Database.ShutdownTimeout = TimeSpan.FromMinutes(5); // the count at the end is exact: the stop waits for the database
        settings.Database.SpoolDirectory = Path.Combine(folder, "spool");
        var host = TradingLogging.Configure(service, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = folder;
            o.AuditEvents = false;
            o.FlushOnTermination = false;
            o.UsePostgreSql();
        });
        var metrics = host.Component<DatabaseSinkMetrics>()!;
        var log = host.Logger.WithProperty(LogProperties.EventType, LoadBenchmark.EventType);
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        long emitted = 0;
        var nextSample = 1.0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            while (emitted < due)
            {
                log.Info("Order {OrderId} for {Symbol} filled at {Price}", emitted, Symbols[emitted % Symbols.Length], 100.25m);
                emitted++;
            }

            if (clock.Elapsed.TotalSeconds >= nextSample)
            {
                process.Refresh();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"S {clock.Elapsed.TotalSeconds:F1} {process.WorkingSet64} {metrics.Queued} {metrics.Written} {emitted} " +
                    $"{metrics.SpoolPending} {metrics.Dropped}"));
                Console.Out.Flush();
                nextSample += 1;
            }

            Thread.Sleep(10);
        }

        host.Dispose();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"E {emitted} {metrics.Written} {metrics.Dropped} {metrics.SpoolPending}"));
        return 0;
    }
}
