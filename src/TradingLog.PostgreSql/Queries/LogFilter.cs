using Serilog.Events;

namespace TradingLog.PostgreSql.Queries;

/// <summary>
/// Which logs a question is about. Every field is optional and they combine with AND; <see cref="LogQueries"/> turns
/// them into parameterized SQL (no value is ever spliced into the text).
/// </summary>
public sealed record LogFilter
{
    /// <summary>Only these services (normalised names, such as <c>risk_management</c>); null or empty for all.</summary>
    public IReadOnlyList<string>? Services { get; init; }

    /// <summary>Only these exact levels (<c>level:ERROR</c> in the search syntax); null or empty for all.</summary>
    public IReadOnlyList<LogEventLevel>? Levels { get; init; }

    /// <summary>Only this level and above; null for all.</summary>
    public LogEventLevel? MinimumLevel { get; init; }

    /// <summary>Only this category (from <c>metadata.category</c>); null for all.</summary>
    public LogCategory? Category { get; init; }

    /// <summary>Only this <c>event_type</c>; null for all.</summary>
    public string? EventType { get; init; }

    /// <summary>Only this correlation ID; null for all.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Only messages containing this literal text, ignoring case (<c>%</c> and <c>_</c> are plain characters); null for all.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Only messages matching this POSIX regular expression, ignoring case (PostgreSQL's <c>~*</c>); null for all. An
    /// invalid pattern fails the query with PostgreSQL's <c>2201B</c>.
    /// </summary>
    public string? Pattern { get; init; }

    /// <summary>With <see cref="PropertyValue"/>: only events whose structured property of this name (<c>Symbol</c>) has that value.</summary>
    public string? PropertyName { get; init; }

    /// <summary>The value <see cref="PropertyName"/> must have, compared as text.</summary>
    public string? PropertyValue { get; init; }

    /// <summary>
    /// More structured properties that must have these values (compared as text), all of them. A name matches the property
    /// as written or with its first letter in upper case, so <c>symbol</c> finds <c>Symbol</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Properties { get; init; }

    /// <summary>
    /// Only events of this pattern (<c>pattern:</c> and its 13 hexadecimal digits in the search syntax), including those
    /// given a mined template it replaced; null for all.
    /// </summary>
    public long? PatternId { get; init; }

    /// <summary>Only events at or after this instant; null for no lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only events before this instant; null for no upper bound.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Also search the archive table.</summary>
    public bool IncludeArchive { get; init; }

    /// <summary>Events of the last <paramref name="window"/>, as of now.</summary>
    public static LogFilter Since(TimeSpan window) => new() { From = DateTimeOffset.UtcNow - window };
}
