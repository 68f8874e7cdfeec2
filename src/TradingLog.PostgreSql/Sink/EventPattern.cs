namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// An event's pattern as the batch records it: the ID (also in the row's <c>pattern_id</c>), the template, where it came
/// from (<c>template</c> or <c>mined</c>), and the IDs this one replaced when its mined template became more general.
/// </summary>
internal sealed record EventPattern(long Id, string Template, string Source, long[]? Replaces = null);
