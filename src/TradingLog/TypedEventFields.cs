namespace TradingLog;

/// <summary>The properties of typed trade and performance events, shared by <see cref="TradingLogger"/> and the ILogger helpers.</summary>
internal static class TypedEventFields
{
    public const string TradeTemplate = "Trade {TradeId} {Side} {Quantity} {Symbol} @ {Price} {Status}";

    public const string PerformanceTemplate = "{Operation} took {ExecutionTimeMs} ms";

    public static List<KeyValuePair<string, object?>> Trade(in TradeRecord trade)
    {
        var fields = new List<KeyValuePair<string, object?>>(16)
        {
            new(LogProperties.Category, nameof(LogCategory.Trading)),
            new(LogProperties.EventType, LogProperties.TradeEventType),
            new(LogProperties.CorrelationId, trade.CorrelationId ?? trade.TradeId),
            new(LogProperties.Trade.Id, trade.TradeId),
            new(LogProperties.Trade.Symbol, trade.Symbol),
            new(LogProperties.Trade.Side, trade.Side),
            new(LogProperties.Trade.Quantity, trade.Quantity),
            new(LogProperties.Trade.Price, trade.Price),
            new(LogProperties.Trade.Status, trade.Status),
        };
        AddIfNotNull(fields, LogProperties.Trade.Strategy, trade.Strategy);
        AddIfNotNull(fields, LogProperties.Trade.ExecutionTimeMs, trade.ExecutionTimeMs);
        AddIfNotNull(fields, LogProperties.Trade.ErrorMessage, trade.ErrorMessage);
        return fields;
    }

    public static List<KeyValuePair<string, object?>> Performance(in PerformanceRecord record)
    {
        var fields = new List<KeyValuePair<string, object?>>(12)
        {
            new(LogProperties.Category, nameof(LogCategory.Performance)),
            new(LogProperties.EventType, LogProperties.PerformanceEventType),
            new(LogProperties.Performance.Operation, record.Operation),
            new(LogProperties.Performance.ExecutionTimeMs, record.ExecutionTimeMs),
        };
        AddIfNotNull(fields, LogProperties.Performance.MemoryUsageMb, record.MemoryUsageMb);
        AddIfNotNull(fields, LogProperties.Performance.CpuUsagePercent, record.CpuUsagePercent);
        AddIfNotNull(fields, LogProperties.Performance.AllocatedBytes, record.AllocatedBytes);
        return fields;
    }

    public static void AddCaller(List<KeyValuePair<string, object?>> fields, string member, string file, int line)
    {
        if (member.Length > 0)
        {
            fields.Add(new(LogProperties.CallerMember, member));
            fields.Add(new(LogProperties.CallerFile, file));
            fields.Add(new(LogProperties.CallerLine, line));
        }
    }

    private static void AddIfNotNull(List<KeyValuePair<string, object?>> fields, string name, object? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value));
        }
    }
}
