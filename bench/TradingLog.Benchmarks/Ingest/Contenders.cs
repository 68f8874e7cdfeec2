using System.Diagnostics;
using System.Globalization;
using log4net.Appender;
using log4net.Layout;
using log4net.Repository.Hierarchy;
using Npgsql;
using NpgsqlTypes;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Sink;

namespace TradingLog.Benchmarks.Ingest;

/// <summary>
/// The three ways to get the same events into <c>system_logs</c>: TradingLog end to end (log call to committed row),
/// raw Npgsql binary COPY of the same rows (the ceiling), and log4net's AdoNetAppender (buffer 1000) through Npgsql.
/// Each event is an INFO message with three structured properties, as a trading service writes them.
/// </summary>
internal static class Contenders
{
    public const string Template = "Order {OrderId} for {Symbol} filled at {Price}";
    private static readonly string[] Symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG"];

    /// <summary>
    /// TradingLog from the first log call to the last committed row. Flat out by default; with <paramref name="rate"/>
    /// the calls keep to that many per second (sleeping between), which is a service's sustained load rather than a burst.
    /// </summary>
    /// <param name="patterns">Whether events get their pattern (<c>database.patterns</c>).</param>
    /// <param name="freeText">Log interpolated strings (free text, mined) instead of the message template.</param>
    public static async Task<IngestResult> TradingLogAsync(string connectionString, int events, string workingDirectory, int? rate = null,
        bool patterns = true, bool freeText = false)
    {
        var settings = BenchPipelines.WithoutFiles();
        settings.Database.ConnectionString = connectionString;
        settings.Database.Patterns = patterns;
        // The clock runs until the last row is committed: the stop bound, there for services that must exit, would
        // spool the tail of a run on a slow machine and fail it instead of measuring it.
        settings.Database.ShutdownTimeout = TimeSpan.FromMinutes(5);
        settings.Database.QueueCapacity = events + 1;
        var host = TradingLogging.Configure(BenchPipelines.Service, o =>
        {
            o.AuditEvents = false; // the benchmarks count the rows they logged
            o.Settings = settings;
            o.WorkingDirectory = workingDirectory;
            o.FlushOnTermination = false;
            o.QueueCapacity = events + 1;
            o.UsePostgreSql();
        });
        var log = host.Logger;
        var metrics = host.Component<DatabaseSinkMetrics>()!;
        var maxQueued = 0L;
        var cpu = CpuMeter.Now();
        var total = Stopwatch.StartNew();

        void Produce()
        {
            for (var i = 0; i < events; i++)
            {
                if ((i & 1023) == 0)
                {
                    maxQueued = Math.Max(maxQueued, metrics.Queued);
                    // A steady rate: catch up to where the clock says the service should be, then sleep a millisecond.
                    while (rate is { } perSecond && i >= total.Elapsed.TotalSeconds * perSecond)
                    {
                        Thread.Sleep(1);
                    }
                }

                if (freeText)
                {
#pragma warning disable CA2254, Serilog004 // free text on purpose: what the miner reads
                    log.Info($"Order {i} for {Symbols[i % Symbols.Length]} filled at {100m + (i % 1000) / 100m}");
#pragma warning restore CA2254, Serilog004
                }
                else
                {
                    log.Info(Template, i, Symbols[i % Symbols.Length], 100m + (i % 1000) / 100m);
                }
            }
        }

        await OnServiceThread(Produce);

        var callSite = total.Elapsed;
        await host.DisposeAsync();
        total.Stop();
        if (metrics.Dropped + metrics.Spooled + metrics.DeadLettered > 0)
        {
            throw new InvalidOperationException($"TradingLog did not write every event directly: {metrics.LastError}");
        }

        var used = CpuMeter.Now().Since(cpu);
        var name = (rate is null ? "TradingLog (log call → committed row" : $"TradingLog (log call → committed row, {rate:N0} calls/s")
            + (freeText ? ", free text" : "") + (patterns ? ")" : ", patterns off)");
        return new IngestResult(name, await BenchDatabase.CountAsync(connectionString), total.Elapsed, callSite, used, maxQueued);
    }

    public static async Task<IngestResult> RawCopyAsync(string connectionString, int events)
    {
        // The very rows TradingLog stores: the same calls through the same pipeline, encoded before the clock starts,
        // so only the binary COPY (batches of 1000, one transaction each) is measured.
        var rows = EncodeSameEvents(events);
        await using var dataSource = LogDatabase.CreateDataSource(connectionString);
        var writer = new CopyBatchWriter(dataSource, TradingLog.PostgreSql.Schema.LogTables.Default);
        var cpu = CpuMeter.Now();
        var total = Stopwatch.StartNew();
        foreach (var chunk in rows.Chunk(1000))
        {
            await writer.WriteAsync(chunk, deduplicate: false, CancellationToken.None);
        }

        total.Stop();
        var used = CpuMeter.Now().Since(cpu);
        return new IngestResult("Raw Npgsql binary COPY of the same rows (ceiling)", await BenchDatabase.CountAsync(connectionString), total.Elapsed, total.Elapsed, used);
    }

    private static List<EncodedEvent> EncodeSameEvents(int events)
    {
        var collected = BenchPipelines.Collect(log =>
        {
            for (var i = 0; i < events; i++)
            {
                log.Info(Template, i, Symbols[i % Symbols.Length], 100m + (i % 1000) / 100m);
            }
        });
        var encoder = new LogEventEncoder(TradingLog.Configuration.DatabaseSettings.DefaultMaxMessageLength, structured: true);
        return collected.Select(encoder.Encode).ToList();
    }

    public static async Task<IngestResult> Log4NetAsync(string connectionString, int events)
    {
        var repository = (Hierarchy)log4net.LogManager.CreateRepository("bench-" + Guid.NewGuid().ToString("N"));
        var appender = new AdoNetAppender
        {
            BufferSize = 1000,
            ConnectionType = typeof(NpgsqlConnection).AssemblyQualifiedName!,
            ConnectionString = connectionString,
            CommandText = "INSERT INTO system_logs (timestamp, service, level, message, metadata) VALUES (@timestamp, @service, @level, @message, CAST(@metadata AS jsonb))",
        };
        appender.AddParameter(new AdoNetAppenderParameter { ParameterName = "@timestamp", DbType = System.Data.DbType.DateTimeOffset, Layout = new RawUtcTimeStampLayoutOffset() });
        appender.AddParameter(Text("@service", "bench"));
        appender.AddParameter(new AdoNetAppenderParameter { ParameterName = "@level", DbType = System.Data.DbType.String, Size = 10, Layout = new Layout2RawLayoutAdapter(new PatternLayout("%level")) });
        appender.AddParameter(new AdoNetAppenderParameter { ParameterName = "@message", DbType = System.Data.DbType.String, Layout = new Layout2RawLayoutAdapter(new PatternLayout("%message")) });
        appender.AddParameter(new AdoNetAppenderParameter { ParameterName = "@metadata", DbType = System.Data.DbType.String, Layout = new Layout2RawLayoutAdapter(new PatternLayout("%property{metadata}")) });
        appender.ActivateOptions();
        repository.Root.AddAppender(appender);
        repository.Root.Level = log4net.Core.Level.Info;
        repository.Configured = true;
        var log = log4net.LogManager.GetLogger(repository.Name, "bench");

        var cpu = CpuMeter.Now();
        var total = Stopwatch.StartNew();
        await OnServiceThread(() =>
        {
            for (var i = 0; i < events; i++)
            {
                var symbol = Symbols[i % Symbols.Length];
                var price = 100m + (i % 1000) / 100m;
                log4net.ThreadContext.Properties["metadata"] = $"{{\"OrderId\":{i},\"Symbol\":\"{symbol}\",\"Price\":{price.ToString(CultureInfo.InvariantCulture)}}}";
                log.Info($"Order {i} for {symbol} filled at {price.ToString(CultureInfo.InvariantCulture)}");
            }
        });

        var callSite = total.Elapsed;
        repository.Shutdown();
        total.Stop();
        var used = CpuMeter.Now().Since(cpu);
        return new IngestResult("log4net 3.5.0 AdoNetAppender (buffer 1000)", await BenchDatabase.CountAsync(connectionString), total.Elapsed, callSite, used);
    }

    /// <summary>
    /// Runs a contender's logging loop on a thread of its own, as a service's thread would make the calls, rather than on
    /// a thread-pool worker held for seconds, which would leave the pool one worker short for the sink's I/O.
    /// </summary>
    private static Task OnServiceThread(Action loop) =>
        Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static AdoNetAppenderParameter Text(string name, string value) => new()
    {
        ParameterName = name,
        DbType = System.Data.DbType.String,
        Layout = new Layout2RawLayoutAdapter(new PatternLayout(value)),
    };

    /// <summary>The event's UTC time as a DateTimeOffset, which Npgsql maps to timestamptz.</summary>
    private sealed class RawUtcTimeStampLayoutOffset : IRawLayout
    {
        public object Format(log4net.Core.LoggingEvent loggingEvent) => new DateTimeOffset(loggingEvent.TimeStampUtc, TimeSpan.Zero);
    }
}
