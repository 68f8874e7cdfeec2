using Npgsql;
using NpgsqlTypes;
using TradingLog.PostgreSql.Schema;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Writes a batch in one transaction with binary COPY, one COPY per table. The normal path copies straight into the
/// tables. The replay path (<c>deduplicate</c>) copies into temporary tables and inserts with
/// <c>ON CONFLICT (event_id, timestamp) DO NOTHING</c>, so a batch whose commit was already done is not stored twice.
/// The batch's patterns are recorded right after the commit (<see cref="PatternRecorder"/>); a failure there throws
/// <see cref="PatternRecordingException"/>, and the batch is stored all the same.
/// </summary>
internal sealed class CopyBatchWriter(NpgsqlDataSource dataSource, LogTables tables, TimeSpan? timeout = null)
{
    // BEGIN, COMMIT and the start of each COPY are bounded by the data source's command timeout; the rows and the COPY's
    // completion by the importer's own timeout, which Npgsql does not take from the connection.
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    private static readonly string SystemColumns = LogColumns.Names(LogColumns.System);
    private static readonly string TradeColumns = LogColumns.Names(LogColumns.Trade);
    private static readonly string PerformanceColumns = LogColumns.Names(LogColumns.Performance);

    public async Task WriteAsync(IReadOnlyList<EncodedEvent> batch, bool deduplicate, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var trades = batch.Where(e => e.Trade is not null).Select(e => e.Trade!).ToList();
        var performance = batch.Where(e => e.Performance is not null).Select(e => e.Performance!).ToList();
        if (!deduplicate)
        {
            await CopySystemAsync(connection, tables.Active, batch, _timeout, cancellationToken);
            await CopyTradesAsync(connection, LogTables.Trading, trades, _timeout, cancellationToken);
            await CopyPerformanceAsync(connection, LogTables.Performance, performance, _timeout, cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, $"""
                CREATE TEMP TABLE tl_stage_system ({LogColumns.StagingDefinitions(LogColumns.System)}) ON COMMIT DROP;
                CREATE TEMP TABLE tl_stage_trades ({LogColumns.StagingDefinitions(LogColumns.Trade)}) ON COMMIT DROP;
                CREATE TEMP TABLE tl_stage_performance ({LogColumns.StagingDefinitions(LogColumns.Performance)}) ON COMMIT DROP;
                """, cancellationToken);
            await CopySystemAsync(connection, "tl_stage_system", batch, _timeout, cancellationToken);
            await CopyTradesAsync(connection, "tl_stage_trades", trades, _timeout, cancellationToken);
            await CopyPerformanceAsync(connection, "tl_stage_performance", performance, _timeout, cancellationToken);
            await ExecuteAsync(connection, $"""
                INSERT INTO {tables.Active} ({SystemColumns}) SELECT {SystemColumns} FROM tl_stage_system ON CONFLICT (event_id, timestamp) DO NOTHING;
                INSERT INTO {LogTables.Trading} ({TradeColumns}) SELECT {TradeColumns} FROM tl_stage_trades ON CONFLICT (event_id, timestamp) DO NOTHING;
                INSERT INTO {LogTables.Performance} ({PerformanceColumns}) SELECT {PerformanceColumns} FROM tl_stage_performance
                    ON CONFLICT (event_id, timestamp) DO NOTHING;
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // After the commit, in a statement of its own: in the batch's transaction, every batch would hold its patterns'
        // rows locked for the whole COPY, and the two batches in flight would take turns.
        try
        {
            await PatternRecorder.RecordAsync(connection, batch, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            throw new PatternRecordingException(e);
        }
    }

    private static Task CopySystemAsync(NpgsqlConnection connection, string table, IReadOnlyList<EncodedEvent> batch, TimeSpan timeout,
        CancellationToken cancellationToken) =>
        CopyAsync(connection, table, SystemColumns, batch, timeout, static (importer, e) =>
        {
            var row = e.System;
            importer.Write(row.EventId, NpgsqlDbType.Uuid);
            importer.Write(row.Timestamp, NpgsqlDbType.TimestampTz);
            importer.Write(row.Service, NpgsqlDbType.Varchar);
            importer.Write(row.Level, NpgsqlDbType.Varchar);
            WriteText(importer, row.EventType);
            importer.Write(row.Message, NpgsqlDbType.Text);
            WriteText(importer, row.CorrelationId);
            importer.Write(row.Metadata, NpgsqlDbType.Jsonb);
            WriteNullable(importer, row.PatternId, NpgsqlDbType.Bigint);
        }, cancellationToken);

    private static Task CopyTradesAsync(NpgsqlConnection connection, string table, List<TradeLogRow> rows, TimeSpan timeout,
        CancellationToken cancellationToken) =>
        CopyAsync(connection, table, TradeColumns, rows, timeout, static (importer, row) =>
        {
            importer.Write(row.EventId, NpgsqlDbType.Uuid);
            importer.Write(row.Timestamp, NpgsqlDbType.TimestampTz);
            WriteText(importer, row.TradeId);
            WriteText(importer, row.Symbol);
            WriteText(importer, row.Side);
            WriteNullable(importer, row.Quantity, NpgsqlDbType.Numeric);
            WriteNullable(importer, row.Price, NpgsqlDbType.Numeric);
            WriteText(importer, row.Strategy);
            WriteNullable(importer, row.ExecutionTimeMs, NpgsqlDbType.Integer);
            WriteText(importer, row.Status);
            WriteText(importer, row.ErrorMessage);
            WriteText(importer, row.CorrelationId);
        }, cancellationToken);

    private static Task CopyPerformanceAsync(NpgsqlConnection connection, string table, List<PerformanceLogRow> rows, TimeSpan timeout,
        CancellationToken cancellationToken) =>
        CopyAsync(connection, table, PerformanceColumns, rows, timeout, static (importer, row) =>
        {
            importer.Write(row.EventId, NpgsqlDbType.Uuid);
            importer.Write(row.Timestamp, NpgsqlDbType.TimestampTz);
            WriteText(importer, row.Service);
            WriteText(importer, row.Operation);
            WriteNullable(importer, row.ExecutionTimeMs, NpgsqlDbType.Integer);
            WriteNullable(importer, row.ExecutionTimeUs, NpgsqlDbType.Bigint);
            WriteNullable(importer, row.MemoryUsageMb, NpgsqlDbType.Integer);
            WriteNullable(importer, row.CpuUsagePercent, NpgsqlDbType.Numeric);
            importer.Write(row.Metadata, NpgsqlDbType.Jsonb);
        }, cancellationToken);

    /// <summary>One binary COPY of <paramref name="rows"/> into <paramref name="table"/>; nothing at all for no rows.</summary>
    private static async Task CopyAsync<TRow>(NpgsqlConnection connection, string table, string columns, IReadOnlyList<TRow> rows,
        TimeSpan timeout, Action<NpgsqlBinaryImporter, TRow> writeRow, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = timeout;
        foreach (var row in rows)
        {
            // Rows go into Npgsql's buffer synchronously (it flushes when full) on the sink's own writer thread; the
            // async forms would cost a state machine per row and per field for no thread saved.
#pragma warning disable CA1849
            importer.StartRow();
#pragma warning restore CA1849
            writeRow(importer, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            importer.Write(present, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "TradingLog's own SQL over validated table names")]
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
