namespace TradingLog.PostgreSql.Queries;

/// <summary>Whether the server queries read from is a streaming standby, and how far behind its primary it is.</summary>
/// <param name="IsStandby">True when the reader is a hot standby (in recovery): reads may trail the primary's writes.</param>
/// <param name="ReplayLag">
/// How far the standby's replay trails: zero when it has replayed everything it received, else the time since the last
/// transaction it replayed committed on the primary (PostgreSQL's <c>pg_last_xact_replay_timestamp()</c>); null on a primary.
/// </param>
/// <param name="BytesBehind">WAL received and not yet replayed, in bytes; null on a primary.</param>
/// <param name="Receiving">Whether a WAL receiver is streaming from the primary now; null on a primary.</param>
public sealed record ReplicationStatus(bool IsStandby, TimeSpan? ReplayLag, long? BytesBehind, bool? Receiving);
