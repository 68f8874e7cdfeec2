using Serilog.Core;
using Serilog.Events;
using TradingLog.Configuration;

namespace TradingLog.Benchmarks;

/// <summary>The pipelines the benchmarks build: service <c>bench</c>, with the files and the console off unless a benchmark wants them.</summary>
internal static class BenchPipelines
{
    public const string Service = "bench";

    /// <summary>Settings with no file and no console, so that only what a benchmark adds (the database) does work.</summary>
    public static TradingLogSettings WithoutFiles()
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero; // the benchmarks count the rows they logged
        settings.Files.Main = settings.Files.Errors = settings.Files.System = settings.Files.Trades = settings.Files.Performance = "";
        settings.Services[Service] = new ServiceSettings { File = "" };
        return settings;
    }

    /// <summary>The events <paramref name="log"/> writes, as TradingLog's pipeline builds and enriches them (no sink writes them).</summary>
    public static List<LogEvent> Collect(Action<TradingLogger> log)
    {
        var collected = new List<LogEvent>();
        var settings = WithoutFiles();
        settings.Database.Enabled = false;
        using (var host = TradingLogging.Configure(Service, o =>
               {
                   o.AuditEvents = false; // the benchmarks count the rows they logged
                   o.Settings = settings;
                   o.FlushOnTermination = false;
                   o.ConfigureSerilog = c => c.WriteTo.Sink(new CollectingSink(collected));
               }))
        {
            log(host.Logger);
        }

        return collected;
    }

    private sealed class CollectingSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
