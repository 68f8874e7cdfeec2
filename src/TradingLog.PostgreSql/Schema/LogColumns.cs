namespace TradingLog.PostgreSql.Schema;

/// <summary>
/// The one definition of the columns TradingLog writes: names, types, widths and their order in a row. The encoder cuts
/// values to these widths, the COPY writer and replay staging list these columns, and a test checks that the migrations
/// (which are history and never edited) produce exactly them.
/// </summary>
internal static class LogColumns
{
    private const string Varchar = "character varying";

    public static readonly LogColumn EventId = new("event_id", "uuid");
    public static readonly LogColumn Timestamp = new("timestamp", "timestamp with time zone");
    public static readonly LogColumn Service = new("service", Varchar, 50);
    public static readonly LogColumn Level = new("level", Varchar, 10);
    public static readonly LogColumn EventType = new("event_type", Varchar, 100);
    public static readonly LogColumn Message = new("message", "text");
    public static readonly LogColumn CorrelationId = new("correlation_id", Varchar, 100);
    public static readonly LogColumn Metadata = new("metadata", "jsonb");
    public static readonly LogColumn PatternId = new("pattern_id", "bigint");

    public static readonly LogColumn TradeId = new("trade_id", Varchar, 100);
    public static readonly LogColumn Symbol = new("symbol", Varchar, 20);
    public static readonly LogColumn Side = new("side", Varchar, 10);
    public static readonly LogColumn Quantity = new("quantity", "numeric");
    public static readonly LogColumn Price = new("price", "numeric");
    public static readonly LogColumn Strategy = new("strategy", Varchar, 100);
    public static readonly LogColumn ExecutionTimeMs = new("execution_time_ms", "integer");
    public static readonly LogColumn ExecutionTimeUs = new("execution_time_us", "bigint");
    public static readonly LogColumn Status = new("status", Varchar, 50);
    public static readonly LogColumn ErrorMessage = new("error_message", "text");

    public static readonly LogColumn Operation = new("operation", Varchar, 100);
    public static readonly LogColumn MemoryUsageMb = new("memory_usage_mb", "integer");
    public static readonly LogColumn CpuUsagePercent = new("cpu_usage_percent", "numeric");

    /// <summary>The columns of <c>system_logs</c> (and the archive) the sink writes, in row order.</summary>
    public static IReadOnlyList<LogColumn> System { get; } = [EventId, Timestamp, Service, Level, EventType, Message, CorrelationId, Metadata, PatternId];

    /// <summary>The columns of <c>trading_logs</c> the sink writes, in row order.</summary>
    public static IReadOnlyList<LogColumn> Trade { get; } =
        [EventId, Timestamp, TradeId, Symbol, Side, Quantity, Price, Strategy, ExecutionTimeMs, Status, ErrorMessage, CorrelationId];

    /// <summary>The columns of <c>performance_logs</c> the sink writes, in row order.</summary>
    public static IReadOnlyList<LogColumn> Performance { get; } =
        [EventId, Timestamp, Service, Operation, ExecutionTimeMs, ExecutionTimeUs, MemoryUsageMb, CpuUsagePercent, Metadata];

    /// <summary>Columns the tables add themselves (identity, defaults), which the sink never writes.</summary>
    public static IReadOnlyList<string> Generated { get; } = ["id", "created_at", "archived_at"];

    /// <summary>The names, comma-separated, for a column list in SQL.</summary>
    public static string Names(IReadOnlyList<LogColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    /// <summary>Column definitions for a staging table of the same shape, without widths (values are already cut).</summary>
    public static string StagingDefinitions(IReadOnlyList<LogColumn> columns) =>
        string.Join(", ", columns.Select(c => $"{c.Name} {(c.DataType == Varchar ? "text" : c.DataType)}"));
}
