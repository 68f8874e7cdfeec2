namespace TradingLog.Patterns.Assignment;

/// <summary>Where an event's pattern came from.</summary>
internal enum PatternSource
{
    /// <summary>The event's message template, which has holes: exact, and free.</summary>
    Template,

    /// <summary>The template miner, for free text (a message template without holes).</summary>
    Mined,
}
