using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using TradingLog.Configuration;
using TradingLog.OpenTelemetry;
using TradingLog.PostgreSql;
using ZLogger;

namespace TradingLog.Benchmarks.CallSite;

/// <summary>
/// What one logging call costs the trading thread: (a) a DEBUG call filtered out by level, (b) an enabled INFO call with
/// three properties, (c) a trade through the typed API. TradingLog routes (b) and (c) to its files and to the PostgreSQL
/// sink (queue drained in the background, drop mode so that the call site, not the database, is measured). Plain
/// Serilog writes to an async file sink; ZLogger to a file; Microsoft.Extensions.Logging goes through TradingLog.
/// </summary>
[MemoryDiagnoser]
public class CallSiteBenchmarks
{
    private const int SerilogAsyncBufferSize = 10_000;
    private const long SerilogFileSizeLimit = 1L << 30;
    private const string Template = "Order {OrderId} for {Symbol} filled at {Price}";
    private TradingLogHost _tradingLog = null!;
    private TradingLogger _log = null!;
    private TradingLogHost _filesOnly = null!;
    private TradingLogHost _noSinks = null!;
    private TradingLogger _noSinksLog = null!;
    private Serilog.Core.Logger _serilogNoSinks = null!;
    private TradingLogger _filesOnlyLog = null!;
    private TradingLogHost _filesOtlp = null!;
    private TradingLogger _filesOtlpLog = null!;
    private Serilog.Core.Logger _serilog = null!;
    private Microsoft.Extensions.Logging.ILogger _mel = null!;
    private ILoggerFactory _zloggerFactory = null!;
    private Microsoft.Extensions.Logging.ILogger _zlogger = null!;
    private string _folder = null!;
    private int _orderId;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "tradelog-callsite", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero;
        // Serilog's file sink, as configured here, never rolls (it stops at 1 GB); the design's 10 MB rotation would roll
        // and gzip a file every few hundred thousand calls of a flat-out loop, work no real service does at that rate.
        settings.Rotation.SizeLimitBytes = SerilogFileSizeLimit;
        settings.Services[BenchPipelines.Service] = new ServiceSettings { Level = Serilog.Events.LogEventLevel.Information };
        // A fresh database each run, so that every run writes into the same empty, partitioned tables.
        settings.Database.ConnectionString = BenchDatabase.StartAsync().GetAwaiter().GetResult().FreshAsync("bench_callsite").GetAwaiter().GetResult();
        // Every contender queues the same way: Serilog's async sink holds 10,000 events and drops when full (its
        // defaults), so TradingLog's file and database queues do the same. The figure is then what the call costs
        // the trading thread, not how fast the background writers drain a flat-out loop.
        settings.Database.QueueCapacity = SerilogAsyncBufferSize;
        settings.Database.QueueFullMode = Pipeline.QueueFullMode.Drop;
        _tradingLog = Host(settings, _folder, database: true);
        _log = _tradingLog.Logger;
        _filesOnly = Host(settings, Path.Combine(_folder, "files-only"), database: false);
        _filesOnlyLog = _filesOnly.Logger;

        // Files and OTLP export to a collector that is down (nothing listens): what an unreachable collector costs the call.
        settings.Otlp.Endpoint = new Uri("http://127.0.0.1:9");
        settings.Otlp.Protocol = OtlpProtocolName.HttpProtobuf;
        settings.Otlp.QueueLimit = SerilogAsyncBufferSize;
        _filesOtlp = Host(settings, Path.Combine(_folder, "files-otlp"), database: false, otlp: true);
        _filesOtlpLog = _filesOtlp.Logger;
        settings.Otlp.Endpoint = null;

        // The call alone: the same pipeline with every file, the console and the database off; Serilog with no sink.
        var bare = BenchPipelines.WithoutFiles();
        bare.Services[BenchPipelines.Service].Level = Serilog.Events.LogEventLevel.Information;
        _noSinks = Host(bare, _folder, database: false);
        _noSinksLog = _noSinks.Logger;
        _serilogNoSinks = new LoggerConfiguration().MinimumLevel.Information().CreateLogger();
        _mel = new SerilogLoggerProvider(_tradingLog.SerilogLogger).CreateLogger("Bench");
        _serilog = new LoggerConfiguration().MinimumLevel.Information()
            .WriteTo.Async(a => a.File(Path.Combine(_folder, "serilog.log"), outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} | {Level:u3} | {Message:lj}{NewLine}"),
                bufferSize: SerilogAsyncBufferSize, blockWhenFull: false)
            .CreateLogger();
        _zloggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddZLoggerFile(Path.Combine(_folder, "zlogger.log")));
        _zlogger = _zloggerFactory.CreateLogger("Bench");
    }

    private static TradingLogHost Host(TradingLogSettings settings, string folder, bool database, bool otlp = false) =>
        TradingLogging.Configure(BenchPipelines.Service, o =>
        {
            o.AuditEvents = false; // the benchmarks count the rows they logged
            o.Settings = settings;
            o.WorkingDirectory = folder;
            o.FlushOnTermination = false;
            o.QueueCapacity = SerilogAsyncBufferSize;
            o.FileQueueFullMode = Pipeline.QueueFullMode.Drop;
            o.FailureOutput = null; // the collector that is down is reported once a minute; not into the benchmark's table
            if (database)
            {
                o.UsePostgreSql();
            }

            if (otlp)
            {
                o.UseOpenTelemetry();
            }
        });

    [GlobalCleanup]
    public void Cleanup()
    {
        _tradingLog.Dispose();
        _filesOnly.Dispose();
        _filesOtlp.Dispose();
        _noSinks.Dispose();
        _serilogNoSinks.Dispose();
        _serilog.Dispose();
        _zloggerFactory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "(a) DEBUG filtered: TradingLog")]
    public void DebugFilteredTradingLog() => _log.Debug(Template, 1, "AAPL", 189.25m);

    [Benchmark(Description = "(a) DEBUG filtered: Serilog")]
    public void DebugFilteredSerilog() => _serilog.Debug(Template, 1, "AAPL", 189.25m);

    [Benchmark(Description = "(a) DEBUG filtered: MEL via TradingLog")]
    public void DebugFilteredMel() => _mel.LogDebug(Template, 1, "AAPL", 189.25m);

    [Benchmark(Description = "(a) DEBUG filtered: ZLogger")]
    public void DebugFilteredZLogger() => _zlogger.ZLogDebug($"Order {1} for {"AAPL"} filled at {189.25m}");

    [Benchmark(Description = "(b) INFO, 3 properties: TradingLog (files + database)")]
    public void InfoTradingLog() => _log.Info(Template, ++_orderId, "AAPL", 189.25m);

    [Benchmark(Description = "(b) INFO, 3 properties: TradingLog (files only)")]
    public void InfoTradingLogFilesOnly() => _filesOnlyLog.Info(Template, ++_orderId, "AAPL", 189.25m);

    [Benchmark(Description = "(b) INFO, 3 properties: TradingLog (files + OTLP, collector down)")]
    public void InfoTradingLogFilesOtlpDown() => _filesOtlpLog.Info(Template, ++_orderId, "AAPL", 189.25m);

    [Benchmark(Baseline = true, Description = "(b) INFO, 3 properties: Serilog (async file)")]
    public void InfoSerilog() => _serilog.Information(Template, ++_orderId, "AAPL", 189.25m);

    [Benchmark(Description = "(b') the call alone, no sinks: TradingLog")]
    public void InfoTradingLogNoSinks() => _noSinksLog.Info(Template, ++_orderId, "AAPL", 189.25m);

    [Benchmark(Description = "(b') the call alone, no sinks: Serilog")]
    public void InfoSerilogNoSinks() => _serilogNoSinks.Information(Template, ++_orderId, "AAPL", 189.25m);

    [Benchmark(Description = "(b) INFO, 3 properties: MEL via TradingLog")]
    public void InfoMel() => _mel.LogInformation(Template, ++_orderId, "AAPL", 189.25m);

    [Benchmark(Description = "(b) INFO, 3 properties: ZLogger (file)")]
    public void InfoZLogger() => _zlogger.ZLogInformation($"Order {++_orderId} for {"AAPL"} filled at {189.25m}");

    [Benchmark(Description = "(c) trade, typed API: TradingLog")]
    public void TradeTradingLog() => _log.Trade(new TradeRecord { TradeId = "trade_1", Symbol = "AAPL", Side = "BUY", Quantity = 100, Price = 189.25m, Status = "FILLED" });

    [Benchmark(Description = "(c) trade, typed API: MEL LogTrade via TradingLog")]
    public void TradeMel() => Hosting.TradingLoggerExtensions.LogTrade(_mel,
        new TradeRecord { TradeId = "trade_1", Symbol = "AAPL", Side = "BUY", Quantity = 100, Price = 189.25m, Status = "FILLED" });
}
