using System.Diagnostics;
using Npgsql;
using TradingLog.Benchmarks.Charts;
using TradingLog.Benchmarks.Reporting;

namespace TradingLog.Benchmarks.Retention;

/// <summary>
/// Cleanup cost for one day of N rows in <c>system_logs</c> (the design's indexes, partitions): archive and purge by
/// partition move and drop (<c>tradelog_archive_day</c>, <c>tradelog_drop_day</c>, what <c>tradelog cleanup</c> runs),
/// against the row-by-row approach (<c>INSERT … SELECT</c> into the archive + <c>DELETE</c>, then <c>DELETE</c> from the
/// archive) on the same data, side by side in one run.
/// </summary>
internal static class RetentionBenchmark
{
    private const string Columns = "id, timestamp, service, level, event_type, message, correlation_id, metadata, created_at, event_id";

    public static async Task<int> RunAsync(bool quick, string? output, string? json, string? only = null)
    {
        int[] sizes = only == "backfill" ? [] : quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
        var database = await BenchDatabase.StartAsync();
        var day = DateTime.UtcNow.Date.AddDays(-40);
        var rows = new List<(int Rows, TimeSpan PartitionArchive, TimeSpan PartitionPurge, TimeSpan RowArchive, TimeSpan RowPurge)>();
        foreach (var size in sizes)
        {
            Console.WriteLine($"{size:N0} rows: partition moves…");
            var partitioned = await SeedAsync(await database.FreshAsync("bench_retention_partition"), day, size);
            var partitionArchive = await TimeAsync(partitioned, $"SELECT tradelog_archive_day('{day:yyyy-MM-dd}')");
            await Expect(partitioned, "archived_system_logs", size);
            var partitionPurge = await TimeAsync(partitioned, $"SELECT tradelog_drop_day('archived_system_logs', '{day:yyyy-MM-dd}', NULL)");
            await Expect(partitioned, "archived_system_logs", 0);

            Console.WriteLine($"{size:N0} rows: row by row…");
            var rowwise = await SeedAsync(await database.FreshAsync("bench_retention_rows"), day, size);
            var range = $"timestamp >= '{day:yyyy-MM-dd}T00:00:00Z' AND timestamp < '{day.AddDays(1):yyyy-MM-dd}T00:00:00Z'";
            var rowArchive = await TimeAsync(rowwise,
                $"INSERT INTO archived_system_logs ({Columns}) SELECT {Columns} FROM system_logs WHERE {range}; DELETE FROM system_logs WHERE {range};");
            await Expect(rowwise, "archived_system_logs", size);
            var rowPurge = await TimeAsync(rowwise, $"DELETE FROM archived_system_logs WHERE {range}");
            await Expect(rowwise, "archived_system_logs", 0);
            rows.Add((size, partitionArchive, partitionPurge, rowArchive, rowPurge));
            Console.WriteLine($"  partition: archive {partitionArchive.TotalMilliseconds:N0} ms, purge {partitionPurge.TotalMilliseconds:N0} ms; " +
                              $"row by row: archive {rowArchive.TotalMilliseconds:N0} ms, purge {rowPurge.TotalMilliseconds:N0} ms");
        }

        var report = new MarkdownReport($"Cleanup of one day ({(quick ? "quick" : "full")} mode, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})",
            "rows in the day", "partition archive", "partition purge", "row-by-row archive", "row-by-row purge", "speed-up (archive + purge)");
        foreach (var r in rows)
        {
            report.Row($"{r.Rows:N0}", $"{r.PartitionArchive.TotalMilliseconds:N0} ms", $"{r.PartitionPurge.TotalMilliseconds:N0} ms",
                $"{r.RowArchive.TotalMilliseconds:N0} ms", $"{r.RowPurge.TotalMilliseconds:N0} ms",
                $"{(r.RowArchive + r.RowPurge) / (r.PartitionArchive + r.PartitionPurge):N0}x");
        }

        if (rows.Count > 0)
        {
            await report.PublishAsync(output);
        }

        await BackfillAsync(database, quick ? [100_000] : [1_000_000], day, output is null ? null : Path.ChangeExtension(output, ".backfill.md"));
        if (json is not null && rows.Count > 0)
        {
            var bars = new List<BarFigure>();
            foreach (var r in rows)
            {
                var group = $"{r.Rows:N0} rows";
                bars.Add(new BarFigure(group, "partitions: archive + purge", Math.Round((r.PartitionArchive + r.PartitionPurge).TotalMilliseconds, 1)));
                bars.Add(new BarFigure(group, "row by row: INSERT…SELECT + DELETE", Math.Round((r.RowArchive + r.RowPurge).TotalMilliseconds, 1)));
            }

            var last = rows[^1];
            await new BenchmarkFigures("retention",
                $"Cleanup of one day: partitions {(last.RowArchive + last.RowPurge) / (last.PartitionArchive + last.PartitionPurge):N0}x faster at {last.Rows:N0} rows",
                "milliseconds", true, bars).SaveAsync(json);
        }

        return 0;
    }

    /// <summary>
    /// A backfilled day (rows inserted for a day that had no partition, so in the default partition), archived the way
    /// cleanup did it before (stray rows, <c>cleanup_batch_size</c> 1,000 at a time) against what it does now (the day's
    /// rows moved into a partition of their own, <c>tradelog_ensure_partition</c>, then the partition moved whole).
    /// </summary>
    private static async Task BackfillAsync(BenchDatabase database, int[] sizes, DateTime day, string? output)
    {
        var report = new MarkdownReport($"Archiving a backfilled day from the default partition ({Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd})",
            "rows in the day", "row by row, 1,000 a batch (before)", "partition the day, then move it (now)", "speed-up");
        var range = $"timestamp >= '{day:yyyy-MM-dd}T00:00:00Z' AND timestamp < '{day.AddDays(1):yyyy-MM-dd}T00:00:00Z'";
        var qualified = string.Join(", ", Columns.Split(", ").Select(c => "t." + c));
        foreach (var size in sizes)
        {
            Console.WriteLine($"backfill of {size:N0} rows: row by row…");
            var rowwise = await SeedAsync(await database.FreshAsync("bench_backfill_rows"), day, size, partition: false);
            var clock = Stopwatch.StartNew();
            await using (var connection = new NpgsqlConnection(rowwise))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    $"WITH batch AS (SELECT ctid FROM system_logs_default WHERE {range} LIMIT 1000), " +
                    $"moved AS (DELETE FROM system_logs_default t USING batch b WHERE t.ctid = b.ctid RETURNING {qualified}) " +
                    $"INSERT INTO archived_system_logs ({Columns}) SELECT {Columns} FROM moved", connection) { CommandTimeout = 0 };
                while (await command.ExecuteNonQueryAsync() == 1000)
                {
                }
            }

            var rowTime = clock.Elapsed;
            await Expect(rowwise, "archived_system_logs", size);

            Console.WriteLine($"backfill of {size:N0} rows: partition, then move…");
            var partitioned = await SeedAsync(await database.FreshAsync("bench_backfill_partition"), day, size, partition: false);
            var partitionTime = await TimeAsync(partitioned,
                $"SELECT tradelog_ensure_partition('system_logs', '{day:yyyy-MM-dd}'); SELECT tradelog_archive_day('{day:yyyy-MM-dd}');");
            await Expect(partitioned, "archived_system_logs", size);
            await Expect(partitioned, "system_logs_default", 0);
            Console.WriteLine($"  row by row {rowTime.TotalMilliseconds:N0} ms; partition then move {partitionTime.TotalMilliseconds:N0} ms");
            report.Row($"{size:N0}", $"{rowTime.TotalMilliseconds:N0} ms", $"{partitionTime.TotalMilliseconds:N0} ms", $"{rowTime / partitionTime:0.0}x");
        }

        await report.PublishAsync(output);
    }

    private static async Task<string> SeedAsync(string connectionString, DateTime day, int size, bool partition = true)
    {
        if (partition)
        {
            await BenchDatabase.ExecuteAsync(connectionString, $"SELECT tradelog_ensure_partitions('{day:yyyy-MM-dd}', '{day:yyyy-MM-dd}')");
        }

        await BenchDatabase.ExecuteAsync(connectionString, $"""
            INSERT INTO system_logs (timestamp, service, level, event_type, message, correlation_id, metadata)
            SELECT '{day:yyyy-MM-dd}T00:00:00Z'::timestamptz + (i * interval '86399 seconds' / {size}),
                   (ARRAY['data_ingestion','strategy_engine','execution','risk_management','analytics','notification'])[1 + i % 6],
                   (ARRAY['INFO','INFO','INFO','DEBUG','WARNING','ERROR'])[1 + i % 6], NULL,
                   'Order ' || i || ' for AAPL filled at 189.25', 'trade_' || (i / 10),
                   jsonb_build_object('category', 'System', 'properties', jsonb_build_object('OrderId', i))
            FROM generate_series(1, {size}) i;
            CHECKPOINT;
            """);
        return connectionString;
    }

    private static async Task<TimeSpan> TimeAsync(string connectionString, string sql)
    {
        var clock = Stopwatch.StartNew();
        await BenchDatabase.ExecuteAsync(connectionString, sql);
        return clock.Elapsed;
    }

    private static async Task Expect(string connectionString, string table, long rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        var actual = (long)(await command.ExecuteScalarAsync())!;
        if (actual != rows)
        {
            throw new InvalidOperationException($"{table} has {actual} rows, expected {rows}");
        }
    }
}
