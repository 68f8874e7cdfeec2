namespace TradingLog.Patterns.Assignment;

/// <summary>
/// A mined template that became more general: events given <paramref name="Replaced"/> earlier belong to
/// <paramref name="By"/> now. The read side follows it, so counts are not split by the template's history.
/// </summary>
internal readonly record struct PatternReplacement(long Replaced, long By);
