using System.Diagnostics;
using Xunit.Abstractions;
using System.Text.RegularExpressions;
using TradingLog.PostgreSql.Server;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

/// <summary>A server that is hung (SIGSTOP), not down: connections open, nothing answers.</summary>
public sealed partial class HungDatabaseTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task HungServerSpoolsWithinSecondsAndSigtermLosesNothing()
    {
        await using var server = await FreezableServer.StartAsync(_folder["pgdata"]);
        var db = server.Db;
        using var child = LogWriterProcess.Start("steady", _folder.Path, db.ConnectionString, "1000", "100");
        Assert.Equal("ready", await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        await Eventually.TrueAsync(async () => await CountOrZeroAsync(db) >= 1000, 60);

        await server.FreezeAsync();
        var hang = Stopwatch.StartNew();
        var spool = _folder[".tradelog/spool/execution"];
        await Eventually.TrueAsync(() => Task.FromResult(Directory.Exists(spool) && Directory.EnumerateFiles(spool).Any()), 30);
        var firstSpool = hang.Elapsed;
        Assert.True(firstSpool < TimeSpan.FromSeconds(15), $"the first batch was spooled {firstSpool.TotalSeconds:0.0} s after the hang began");

        await Task.Delay(TimeSpan.FromSeconds(8) - hang.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        var stop = Stopwatch.StartNew();
        await LogWriterProcess.SignalAsync("TERM", child.Id);
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // database.shutdown_timeout is 5 s: the stop must fit Docker's 10 s grace period with room to spare.
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(7.5), $"the stop took {stop.Elapsed.TotalSeconds:0.0} s with the server hung");

        await server.ThawAsync();
        var logged = File.ReadLines(_folder["logs/execution.log"]).Select(l => SteadyLine().Match(l)).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).Distinct().Count();
        Assert.True(logged > 1500, $"only {logged} events were logged");
        output.WriteLine($"first spool {firstSpool.TotalSeconds:0.0} s after the hang, stop {stop.Elapsed.TotalSeconds:0.0} s, {logged} events logged");

        await AssertTheNextStartStoresAsync(db, logged);
    }

    /// <summary>
    /// The server hangs before the service ever connects: the first connection, the migration and the stop are all
    /// bounded, and SIGTERM leaves every event in the spool.
    /// </summary>
    [Fact]
    public async Task ServerHungBeforeTheFirstConnectionLeavesEveryEventInTheSpoolAtSigterm()
    {
        await using var server = await FreezableServer.StartAsync(_folder["pgdata"]);
        var db = server.Db;
        await server.FreezeAsync();
        using var child = LogWriterProcess.Start("steady", _folder.Path, db.ConnectionString, "1000", "100");
        Assert.Equal("ready", await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var stop = Stopwatch.StartNew();
        await LogWriterProcess.SignalAsync("TERM", child.Id);
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(7.5), $"the stop took {stop.Elapsed.TotalSeconds:0.0} s with the server hung from the start");
        output.WriteLine($"stop {stop.Elapsed.TotalSeconds:0.0} s with the server hung from the start");

        await server.ThawAsync();
        var logged = File.ReadLines(_folder["logs/execution.log"]).Count(l => SteadyLine().IsMatch(l));
        Assert.True(logged >= 1000, $"only {logged} events were logged");
        await AssertTheNextStartStoresAsync(db, logged);
    }

    /// <summary>A server at its connection limit answers at once with 53300; the batches wait in the spool, none is lost.</summary>
    [Fact]
    public async Task ConnectionLimitReachedSpoolsAndReplaysEveryEvent()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var role = "w_" + Guid.NewGuid().ToString("N")[..12];
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'pw' CONNECTION LIMIT 0 IN ROLE tradelog_writer");
        var writer = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = "pw" }.ConnectionString;
        const int total = 500;
        using (var host = DatabasePipeline.Create("execution", db.ConnectionString, _folder, s => s.Database.WriterConnectionString = writer))
        {
            var metrics = host.Component<DatabaseSinkMetrics>()!;
            for (var i = 0; i < total; i++)
            {
                host.Logger.Info("limited {N}", i);
            }

            await Eventually.TrueAsync(() => Task.FromResult(metrics.Spooled > 0), 30);
            Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM system_logs"));
            await db.ExecuteAsync($"ALTER ROLE {role} CONNECTION LIMIT -1");
            await Eventually.TrueAsync(() => Task.FromResult(metrics.Queued == 0 && metrics.SpoolPending == 0), 60);
            Assert.Equal(0, metrics.Dropped);
        }

        Assert.Equal(total, await db.CountAsync("SELECT count(DISTINCT metadata->'properties'->>'N') FROM system_logs WHERE message LIKE 'limited %'"));
    }

    /// <summary>The next start of the service replays what the hung server did not take: then every logged event is stored, once.</summary>
    private async Task AssertTheNextStartStoresAsync(Db db, int logged)
    {
        using (var next = DatabasePipeline.Create("execution", db.ConnectionString, _folder))
        {
            var metrics = next.Component<DatabaseSinkMetrics>()!;
            await Eventually.TrueAsync(() => metrics.SpoolPending == 0);
        }

        Assert.Equal(logged, await db.CountAsync("SELECT count(DISTINCT metadata->'properties'->>'N') FROM system_logs WHERE message LIKE 'steady %'"));
        Assert.Equal(logged, await db.CountAsync("SELECT count(*) FROM system_logs WHERE message LIKE 'steady %'"));
    }

    private static async Task<long> CountOrZeroAsync(Db db)
    {
        try
        {
            return await db.CountAsync("SELECT count(*) FROM system_logs");
        }
        catch (Npgsql.PostgresException)
        {
            return 0; // the sink has not migrated the new server yet
        }
    }

    [GeneratedRegex(@"^INFO \| steady (\d+)$")]
    private static partial Regex SteadyLine();
}
