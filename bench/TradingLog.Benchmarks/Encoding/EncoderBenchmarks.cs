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
    private readonly LogEventEncoder _withoutPatterns = new(TradingLog.Configuration.DatabaseSettings.DefaultMaxMessageLength, structured: true,
        patterns: false);
    private LogEvent _order = null!;
    private LogEvent _trade = null!;
    private LogEvent[] _freeText = null!;
    private int _next;

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
        // Free text of a few kinds with changing values, as an interpolating service logs it: the miner's everyday case.
        _freeText = [.. BenchPipelines.Collect(log =>
        {
            for (var i = 0; i < 1024; i++)
            {
#pragma warning disable CA2254, Serilog004 // free text on purpose
                log.Info((i % 4) switch
                {
                    0 => $"Order ord-{i} for AAPL filled at {100 + i * 0.25} in {i % 17} ms",
                    1 => $"Connection to 10.0.{i % 200}.{i % 7}:443 reset after {i % 5} retries",
                    2 => $"Quote for MSFT arrived {i % 900} ms late from feed-{i % 3}",
                    _ => $"Position {i} rebalanced: exposure {i * 1.5:F1} of limit 5000",
                });
#pragma warning restore CA2254, Serilog004
            }
        })];
    }

    [Benchmark(Description = "encode: INFO with 3 properties")]
    public object EncodeOrder() => _encoder.Encode(_order);

    [Benchmark(Description = "encode: trade (two rows)")]
    public object EncodeTrade() => _encoder.Encode(_trade);

    [Benchmark(Description = "encode: INFO with 3 properties, patterns off")]
    public object EncodeOrderWithoutPatterns() => _withoutPatterns.Encode(_order);

    [Benchmark(Description = "encode: free text (mined)")]
    public object EncodeFreeText() => _encoder.Encode(_freeText[_next++ & 1023]);

    [Benchmark(Description = "encode: free text, patterns off")]
    public object EncodeFreeTextWithoutPatterns() => _withoutPatterns.Encode(_freeText[_next++ & 1023]);
}
