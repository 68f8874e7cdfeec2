namespace TradingLog.PostgreSql.Queries;

/// <summary>One stored log event, as the read side returns it.</summary>
/// <param name="Id">The row's id; with <see cref="Timestamp"/>, its place in paging.</param>
/// <param name="Timestamp">When the event happened (UTC).</param>
/// <param name="Service">The service that logged it.</param>
/// <param name="Level">DEBUG, INFO, WARNING, ERROR or CRITICAL.</param>
/// <param name="EventType">The event type, if any.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="CorrelationId">The correlation ID, if any.</param>
/// <param name="Metadata">The <c>metadata</c> JSON (category, caller, exception, properties), when asked for.</param>
/// <param name="Archived">True when the row is in the archive table.</param>
public sealed record LogEntry(long Id, DateTimeOffset Timestamp, string Service, string Level, string? EventType, string? Message,
    string? CorrelationId, string? Metadata, bool Archived);
