namespace TradingLog;

/// <summary>Names of the structured properties that TradingLog puts on every event. Sinks and queries rely on them.</summary>
public static class LogProperties
{
    /// <summary>The service that wrote the event (<c>execution</c>, <c>risk_management</c>, ...).</summary>
    public const string Service = "Service";

    /// <summary>The <see cref="LogCategory"/> of the event.</summary>
    public const string Category = "Category";

    /// <summary>A short machine-readable event name (<c>trade</c>, <c>performance</c>, or a Microsoft.Extensions.Logging EventId name).</summary>
    public const string EventType = "EventType";

    /// <summary>The correlation ID that ties the events of one trade or request together.</summary>
    public const string CorrelationId = "CorrelationId";

    /// <summary>The type or category that wrote the event: Serilog's standard source-context property.</summary>
    public const string SourceContext = "SourceContext";

    /// <summary>
    /// The call site of an event written through <see cref="TradingLogger"/>: one value holding member, file and line
    /// (rendered as <c>Member (File.cs:42)</c> by other sinks). Events from Microsoft.Extensions.Logging carry
    /// <see cref="CallerMember"/>, <see cref="CallerFile"/> and <see cref="CallerLine"/> instead.
    /// </summary>
    public const string Caller = "Caller";

    /// <summary>
    /// The calling type's full name, for calls through Microsoft.Extensions.Logging that TradingLog's interceptors rewrote
    /// (files show it as <c>{name}</c>; without it, the logger's category).
    /// </summary>
    public const string CallerType = "CallerType";

    /// <summary>The calling member, captured by caller-info attributes.</summary>
    public const string CallerMember = "CallerMember";

    /// <summary>The calling source file, captured by caller-info attributes.</summary>
    public const string CallerFile = "CallerFile";

    /// <summary>The calling source line, captured by caller-info attributes.</summary>
    public const string CallerLine = "CallerLine";

    /// <summary>A unique identifier of the event, used to make database replay idempotent.</summary>
    public const string EventId = "TradingLogEventId";

    /// <summary>The <see cref="EventType"/> of a trade event (with category <see cref="LogCategory.Trading"/>).</summary>
    public const string TradeEventType = "trade";

    /// <summary>The <see cref="EventType"/> of a performance sample (with category <see cref="LogCategory.Performance"/>).</summary>
    public const string PerformanceEventType = "performance";

    /// <summary>
    /// Whether <paramref name="name"/> is one of TradingLog's own properties above, which sinks store in their own columns
    /// or fields; every other property is the event's own data.
    /// </summary>
    public static bool IsCore(string name) => name is Service or Category or EventType or CorrelationId or SourceContext
        or Caller or CallerType or CallerMember or CallerFile or CallerLine or EventId;

    /// <summary>The properties of a trade event, written from a <see cref="TradeRecord"/>.</summary>
    public static class Trade
    {
        /// <summary>The trade ID (<see cref="TradeRecord.TradeId"/>).</summary>
        public const string Id = "TradeId";

        /// <summary>The instrument (<see cref="TradeRecord.Symbol"/>).</summary>
        public const string Symbol = "Symbol";

        /// <summary>BUY or SELL (<see cref="TradeRecord.Side"/>).</summary>
        public const string Side = "Side";

        /// <summary>The quantity (<see cref="TradeRecord.Quantity"/>).</summary>
        public const string Quantity = "Quantity";

        /// <summary>The price (<see cref="TradeRecord.Price"/>).</summary>
        public const string Price = "Price";

        /// <summary>The strategy (<see cref="TradeRecord.Strategy"/>).</summary>
        public const string Strategy = "Strategy";

        /// <summary>Execution time in milliseconds (<see cref="TradeRecord.ExecutionTimeMs"/>).</summary>
        public const string ExecutionTimeMs = "ExecutionTimeMs";

        /// <summary>The status (<see cref="TradeRecord.Status"/>).</summary>
        public const string Status = "Status";

        /// <summary>Why the trade failed (<see cref="TradeRecord.ErrorMessage"/>).</summary>
        public const string ErrorMessage = "ErrorMessage";
    }

    /// <summary>The properties of a performance sample, written from a <see cref="PerformanceRecord"/>.</summary>
    public static class Performance
    {
        /// <summary>The measured operation (<see cref="PerformanceRecord.Operation"/>).</summary>
        public const string Operation = "Operation";

        /// <summary>Elapsed time in milliseconds (<see cref="PerformanceRecord.ExecutionTimeMs"/>).</summary>
        public const string ExecutionTimeMs = "ExecutionTimeMs";

        /// <summary>Memory in use, in MiB (<see cref="PerformanceRecord.MemoryUsageMb"/>).</summary>
        public const string MemoryUsageMb = "MemoryUsageMb";

        /// <summary>CPU use in percent (<see cref="PerformanceRecord.CpuUsagePercent"/>).</summary>
        public const string CpuUsagePercent = "CpuUsagePercent";

        /// <summary>Bytes allocated during the operation (<see cref="PerformanceRecord.AllocatedBytes"/>).</summary>
        public const string AllocatedBytes = "AllocatedBytes";
    }
}
