namespace TradingLog.PostgreSql.Queries;

/// <summary>The size of one TradingLog table with all its partitions and indexes.</summary>
/// <param name="Table">The parent table.</param>
/// <param name="Bytes">Bytes on disk, partitions and indexes included.</param>
/// <param name="EstimatedRows">PostgreSQL's row estimate (from the last ANALYZE; -1 or 0 before one).</param>
/// <param name="Partitions">Partitions attached now.</param>
/// <param name="LastDay">The newest day a partition exists for, or null when only the default partition exists.</param>
public sealed record TableSize(string Table, long Bytes, long EstimatedRows, int Partitions, DateOnly? LastDay);
