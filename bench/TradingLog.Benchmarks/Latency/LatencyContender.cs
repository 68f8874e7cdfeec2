using Microsoft.Extensions.Logging;
using Serilog;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using ZLogger;

namespace TradingLog.Benchmarks.Latency;

/// <summary>One logger under the latency benchmark: a name, the call it makes for one INFO event with three properties, its stop.</summary>
internal sealed class LatencyContender(string name, Action<long> log, IDisposable owner) : IDisposable
{
    private const string Template = "Order {OrderId} for {Symbol} filled at {Price}";

    public string Name { get; } = name;

    public void Log(long orderId) => log(orderId);

    public void Dispose() => owner.Dispose();

    public static LatencyContender Create(string name, string folder, string? connectionString)
    {
        Directory.CreateDirectory(folder);
        switch (name)
        {
            case "tradinglog":
            case "tradinglog-files":
                var settings = new TradingLogSettings();
                settings.Console.Enabled = false;
                settings.HeartbeatInterval = TimeSpan.Zero;
                settings.Services[BenchPipelines.Service] = new ServiceSettings { Level = Serilog.Events.LogEventLevel.Information };
                settings.Database.ConnectionString = connectionString;
                var host = TradingLogging.Configure(BenchPipelines.Service, o =>
                {
                    o.AuditEvents = false;
                    o.Settings = settings;
                    o.WorkingDirectory = folder;
                    o.FlushOnTermination = false;
                    if (name == "tradinglog")
                    {
                        o.UsePostgreSql();
                    }
                });
                var tradingLog = host.Logger;
                return new LatencyContender(name, id => tradingLog.Info(Template, id, "AAPL", 189.25m), host);
            case "serilog":
                var serilog = new LoggerConfiguration().MinimumLevel.Information()
                    .WriteTo.Async(a => a.File(Path.Combine(folder, "serilog.log"),
                        outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} | {Level:u3} | {Message:lj}{NewLine}"))
                    .CreateLogger();
                return new LatencyContender(name, id => serilog.Information(Template, id, "AAPL", 189.25m), serilog);
            case "zlogger":
                var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddZLoggerFile(Path.Combine(folder, "zlogger.log")));
                var zlogger = factory.CreateLogger("Bench");
                return new LatencyContender(name, id => zlogger.ZLogInformation($"Order {id} for {"AAPL"} filled at {189.25m}"), factory);
            default:
                throw new ArgumentException($"unknown contender {name}; use tradinglog, tradinglog-files, serilog, zlogger", nameof(name));
        }
    }
}
