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

    /// <summary>The calling member, captured by caller-info attributes.</summary>
    public const string CallerMember = "CallerMember";

    /// <summary>The calling source file, captured by caller-info attributes.</summary>
    public const string CallerFile = "CallerFile";

    /// <summary>The calling source line, captured by caller-info attributes.</summary>
    public const string CallerLine = "CallerLine";

    /// <summary>A unique identifier of the event, used to make database replay idempotent.</summary>
    public const string EventId = "TradingLogEventId";

    internal static bool IsCore(string name) => name is Service or Category or EventType or CorrelationId or SourceContext
        or Caller or CallerMember or CallerFile or CallerLine or EventId;
}
