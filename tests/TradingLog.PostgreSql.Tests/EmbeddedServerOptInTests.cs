using TradingLog.Configuration;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests;

/// <summary>A logging sink starts no database server as a side effect: only the CLI, the demo and Development do.</summary>
public sealed class EmbeddedServerOptInTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Shipped(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "config", file)))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "config", file);
    }

    [Fact]
    public void AServiceWithoutAServerStopsAtStartUpNamingTheKeyAndStartsNothing()
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;

        var error = Assert.Throws<TradingLogConfigurationException>(() => TradingLogging.Configure("execution", o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = _folder.Path;
            o.UsePostgreSql();
        }));

        Assert.Equal("logging.database.connection_string: no PostgreSQL server is configured for storing events.", Assert.Single(error.Problems).Split(" Set ")[0]);
        Assert.Contains("database.embedded_server: true", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder[".tradelog"]), "nothing was initialised");
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData(null, false)]
    public void OnlyTheDevelopmentEnvironmentTurnsTheEmbeddedServerOn(string? environment, bool expected)
    {
        var loaded = TradingLogConfiguration.Load(new TradingLogConfigurationOptions
        {
            ConfigPath = Shipped("logging.yaml"),
            Environment = environment,
            EnvironmentVariables = new Dictionary<string, string>(),
        });

        Assert.Equal(expected, loaded.Settings.Database.EmbeddedServer);
    }
}
