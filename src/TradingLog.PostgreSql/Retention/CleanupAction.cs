namespace TradingLog.PostgreSql.Retention;

/// <summary>One step of a cleanup: a partition moved or dropped, or rows moved or deleted in batches.</summary>
/// <param name="Table">The table it acts on.</param>
/// <param name="Kind">partition-default-rows, archive-partition, drop-partition, archive-rows, delete-rows.</param>
/// <param name="Target">The partition, or the default partition whose stray rows it handles.</param>
/// <param name="Rows">Rows affected: estimated for partitions (from ANALYZE), exact for rows.</param>
/// <param name="Batches">Short transactions used for row-level work (rows per batch: <c>cleanup_batch_size</c>).</param>
public sealed record CleanupAction(string Table, string Kind, string Target, long Rows, int Batches = 0);
