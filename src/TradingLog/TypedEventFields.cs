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
            new(LogProperties.EventType, "trade"),
            new(LogProperties.CorrelationId, trade.CorrelationId ?? trade.TradeId),
            new("TradeId", trade.TradeId),
            new("Symbol", trade.Symbol),
            new("Side", trade.Side),
            new("Quantity", trade.Quantity),
            new("Price", trade.Price),
            new("Status", trade.Status),
        };
        AddIfNotNull(fields, "Strategy", trade.Strategy);
        AddIfNotNull(fields, "ExecutionTimeMs", trade.ExecutionTimeMs);
        AddIfNotNull(fields, "ErrorMessage", trade.ErrorMessage);
        return fields;
    }

    public static List<KeyValuePair<string, object?>> Performance(in PerformanceRecord record)
    {
        var fields = new List<KeyValuePair<string, object?>>(12)
        {
            new(LogProperties.Category, nameof(LogCategory.Performance)),
            new(LogProperties.EventType, "performance"),
            new("Operation", record.Operation),
            new("ExecutionTimeMs", record.ExecutionTimeMs),
        };
        AddIfNotNull(fields, "MemoryUsageMb", record.MemoryUsageMb);
        AddIfNotNull(fields, "CpuUsagePercent", record.CpuUsagePercent);
        AddIfNotNull(fields, "AllocatedBytes", record.AllocatedBytes);
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
