using BenchmarkDotNet.Attributes;
using Serilog.Events;
using TradingLog.PostgreSql.Sink;

namespace TradingLog.Benchmarks.Encoding;

/// <summary>
/// The database writer's client-side work per event, which competes with PostgreSQL for the CPU during ingest:
/// turning a <see cref="LogEvent"/> into its row (message, metadata JSON, sanitising, event ID).
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private readonly LogEventEncoder _encoder = new(TradingLog.Configuration.DatabaseSettings.DefaultMaxMessageLength, structured: true);
    private LogEvent _order = null!;
    private LogEvent _trade = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sink = new Capture();
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Files.Main = settings.Files.Errors = settings.Files.System = settings.Files.Trades = settings.Files.Performance = "";
        settings.Services["bench"] = new TradingLog.Configuration.ServiceSettings { File = "" };
        using (var host = TradingLogging.Configure("bench", o =>
               {
                   o.Settings = settings;
                   o.FlushOnTermination = false;
                   o.ConfigureSerilog = c => c.WriteTo.Sink(sink);
               }))
        {
            host.Logger.Info("Order {OrderId} for {Symbol} filled at {Price}", 42, "AAPL", 189.25m);
            host.Logger.Trade(new TradeRecord { TradeId = "trade_1", Symbol = "AAPL", Side = "BUY", Quantity = 100, Price = 189.25m, Status = "FILLED" });
        }

        _order = sink.Events[0];
        _trade = sink.Events[1];
    }

    [Benchmark(Description = "encode: INFO with 3 properties")]
    public object EncodeOrder() => _encoder.Encode(_order);

    [Benchmark(Description = "encode: trade (two rows)")]
    public object EncodeTrade() => _encoder.Encode(_trade);

    private sealed class Capture : Serilog.Core.ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
