using System.Text;
using Microsoft.Extensions.Configuration;
using Serilog;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests;

/// <summary>An application with its own Serilog pipeline gets TradingLog's store and files from appsettings.json alone.</summary>
public sealed class SerilogEntryPointTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AppSettingsJsonAddsTheStoreAndARotatingFileToAnApplicationsOwnPipeline()
    {
        var db = new Db(await TestServer.CreateDatabaseAsync());
        var logFile = _folder["logs/orders.log"];
        var json = $$"""
            {
              "Serilog": {
                "Using": [ "TradingLog", "TradingLog.PostgreSql" ],
                "MinimumLevel": "Debug",
                "WriteTo": [
                  { "Name": "TradingLogPostgreSql", "Args": { "connectionString": "{{db.ConnectionString}}", "service": "order-gateway",
                    "spoolDirectory": "{{_folder["spool"]}}", "batchSize": 50 } },
                  { "Name": "TradingLogFile", "Args": { "path": "{{logFile}}", "format": "{level} | {message}", "rotationSize": "1 MB" } }
                ]
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        using (var logger = new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger())
        {
            for (var i = 0; i < 120; i++)
            {
                logger.Information("Order {OrderId} accepted", i);
            }

            logger.Error(new TimeoutException("venue did not answer"), "Order {OrderId} failed", 120);
        }

        Assert.Equal(121, await db.CountAsync("SELECT count(*) FROM system_logs WHERE service = 'order_gateway'"));
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM system_logs WHERE level = 'ERROR' AND metadata->'exception'->>'type' = 'System.TimeoutException'"));
        var lines = File.ReadAllLines(logFile);
        Assert.Equal(120, lines.Count(l => l.StartsWith("INFO | Order ", StringComparison.Ordinal)));
        Assert.Equal("ERROR | Order 120 failed", lines.Single(l => l.StartsWith("ERROR", StringComparison.Ordinal)));
        Assert.Contains("System.TimeoutException: venue did not answer", lines);
    }

    [Fact]
    public void ABadRotationSizeNamesTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => new LoggerConfiguration().WriteTo.TradingLogFile(_folder["x.log"], rotationSize: "ten megs"));
        Assert.Equal("rotationSize", error.ParamName);
        Assert.Contains("'ten megs' is not a size", error.Message, StringComparison.Ordinal);
    }
}
