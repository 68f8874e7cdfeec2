namespace TradingLog.PostgreSql.Sink;

/// <summary>A spooled batch this process has claimed for replay.</summary>
internal sealed record SpoolClaim(string ClaimedPath, string OriginalPath, IReadOnlyList<EncodedEvent> Batch);
