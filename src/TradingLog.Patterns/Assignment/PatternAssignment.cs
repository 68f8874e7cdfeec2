namespace TradingLog.Patterns.Assignment;

/// <summary>The pattern an event was given: its <see cref="PatternIds">ID</see>, its template, and where it came from.</summary>
internal readonly record struct PatternAssignment(long Id, string Template, PatternSource Source)
{
    /// <summary>The name stored in <c>tradelog_patterns.source</c>: <c>template</c> or <c>mined</c>.</summary>
    public string SourceName => Source == PatternSource.Template ? "template" : "mined";
}
