using Serilog.Events;
using Serilog.Parsing;

namespace TradingLog.Tests.Support;

/// <summary>Builders of test data.</summary>
public static class Some
{
    public static readonly DateTimeOffset Timestamp = new(2026, 11, 27, 9, 30, 15, 123, TimeSpan.Zero);

    public static LogEvent LogEvent(string template = "Order {OrderId} placed", LogEventLevel level = LogEventLevel.Information,
        Exception? exception = null, DateTimeOffset? timestamp = null, params (string Name, object? Value)[] properties)
    {
        var parsed = new MessageTemplateParser().Parse(template);
        var props = properties.Select(p => new LogEventProperty(p.Name, p.Value as LogEventPropertyValue ?? new ScalarValue(p.Value))).ToList();
        if (template.Contains("{OrderId}", StringComparison.Ordinal) && props.All(p => p.Name != "OrderId"))
        {
            props.Add(new LogEventProperty("OrderId", new ScalarValue(42)));
        }

        return new LogEvent(timestamp ?? Timestamp, level, exception, parsed, props);
    }

    public static TradeRecord Trade(string tradeId = "trade_12345", string symbol = "AAPL", string? error = null) => new()
    {
        TradeId = tradeId,
        Symbol = symbol,
        Side = "BUY",
        Quantity = 100,
        Price = 189.25m,
        Strategy = "momentum",
        ExecutionTimeMs = 12,
        Status = error is null ? "FILLED" : "REJECTED",
        ErrorMessage = error,
    };
}
