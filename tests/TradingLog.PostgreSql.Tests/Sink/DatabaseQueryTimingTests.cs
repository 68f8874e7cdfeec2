using Npgsql;
using Serilog.Core;
using Serilog.Events;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

public sealed class DatabaseQueryTimingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private sealed class Collecting : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events)
            {
                Events.Add(logEvent);
            }
        }
    }

    private static string? Text(LogEvent e, string name) => e.Properties.TryGetValue(name, out var v) && v is ScalarValue { Value: { } s } ? s.ToString() : null;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DatabaseQueriesAreTimedOnlyWhenConfigured(bool enabled)
    {
        var connectionString = await TestServer.CreateDatabaseAsync();
        var sink = new Collecting();
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Database.ConnectionString = connectionString;
        settings.Performance.LogDatabaseQueries = enabled;
        using (var host = TradingLogging.Configure("analytics", o =>
               {
                   o.Settings = settings;
                   o.WorkingDirectory = _folder.Path;
                   o.UsePostgreSql();
                   o.ConfigureSerilog = c => c.WriteTo.Sink(sink);
               }))
        {
            host.Logger.Info("before the query");
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_class WHERE relname = 'timed_marker'", connection);
            await command.ExecuteScalarAsync();
        }

        var timed = sink.Events.Where(e => Text(e, "Operation") == "db_query").ToList();
        if (!enabled)
        {
            Assert.Empty(timed);
            return;
        }

        var query = Assert.Single(timed, e => Text(e, "Statement")?.Contains("timed_marker", StringComparison.Ordinal) == true);
        Assert.Equal("Performance", Text(query, LogProperties.Category));
        Assert.NotNull(Text(query, "ExecutionTimeMs"));
        Assert.DoesNotContain(timed, e => Text(e, "Statement")?.Contains("COPY", StringComparison.Ordinal) == true);
    }
}
