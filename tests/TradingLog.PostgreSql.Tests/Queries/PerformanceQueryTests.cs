using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Queries;

/// <summary>Sub-millisecond operations keep their precision, beside the design's whole-millisecond column.</summary>
public sealed class PerformanceQueryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PercentilesOfSubMillisecondOperationsAreMeasuredInMicrosecondsAndShortSamplesLeaveCpuOut()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            var log = host.ForContext<PerformanceQueryTests>();
            foreach (var ms in new[] { 0.07, 0.1, 0.15 })
            {
                log.Performance(new PerformanceRecord { Operation = "validate", ExecutionTimeMs = ms, CpuUsagePercent = 95 });
            }

            log.Performance(new PerformanceRecord { Operation = "place_order", ExecutionTimeMs = 5.5, CpuUsagePercent = 12 });
        }

        // The design's column keeps whole milliseconds; the precise one has the rest.
        var stored = await db.QueryAsync("SELECT execution_time_ms, execution_time_us FROM performance_logs WHERE operation = 'validate' ORDER BY 2");
        Assert.Equal([0, 0, 0], stored.Select(r => (int)r["execution_time_ms"]!));
        Assert.Equal([70L, 100L, 150L], stored.Select(r => (long)r["execution_time_us"]!));

        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = db.ConnectionString;
        await using var queries = LogQueries.Open(await LogDatabase.ConnectAsync(settings, _folder.Path));
        var rows = (await queries.PerformanceAsync(DateTimeOffset.UtcNow.AddHours(-1))).ToDictionary(r => r.Operation!);

        var validate = rows["validate"];
        Assert.Equal(0.1, validate.P50Ms!.Value, 6);
        Assert.Equal(Math.Round(validate.P99Ms!.Value, 3), validate.P99Ms.Value); // to the microsecond, not 0.14900000000000002
        Assert.Equal(0.15, validate.MaxMs!.Value, 6);
        Assert.Equal(0.107m, validate.AvgMs);
        Assert.Null(validate.AvgCpuPercent); // CPU of a 0.1 ms operation is noise
        Assert.Equal(12m, rows["place_order"].AvgCpuPercent);
        Assert.Equal(5.5, rows["place_order"].P50Ms!.Value, 6);
    }
}
