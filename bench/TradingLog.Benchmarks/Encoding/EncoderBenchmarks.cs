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
        var events = BenchPipelines.Collect(log =>
        {
            log.Info("Order {OrderId} for {Symbol} filled at {Price}", 42, "AAPL", 189.25m);
            log.Trade(new TradeRecord { TradeId = "trade_1", Symbol = "AAPL", Side = "BUY", Quantity = 100, Price = 189.25m, Status = "FILLED" });
        });
        _order = events[0];
        _trade = events[1];
    }

    [Benchmark(Description = "encode: INFO with 3 properties")]
    public object EncodeOrder() => _encoder.Encode(_order);

    [Benchmark(Description = "encode: trade (two rows)")]
    public object EncodeTrade() => _encoder.Encode(_trade);
}
