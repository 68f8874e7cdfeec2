namespace TradingLog.PostgreSql.Queries;

/// <summary>How often one reason was given for rejected or failed trades.</summary>
/// <param name="Reason">The trade's <c>error_message</c>, or <c>(none)</c>.</param>
/// <param name="Count">Trade rows with it.</param>
public sealed record ReasonCount(string Reason, long Count);
