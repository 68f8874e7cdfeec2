using Serilog.Events;
using TradingLog.Configuration;

namespace TradingLog.Tests.Configuration;

public sealed class ShippedEnvironmentFilesTests
{
    private static LoadedConfiguration LoadShipped(string environment) => TradingLogConfiguration.Load(new TradingLogConfigurationOptions
    {
        ConfigPath = Path.Combine(AppContext.BaseDirectory, "config", "logging.yaml"),
        Environment = environment,
        EnvironmentVariables = new Dictionary<string, string>(),
    });

    [Fact]
    public void DevelopmentLogsDebugToAColoredConsole()
    {
        var s = LoadShipped("Development").Settings;
        Assert.Equal(LogEventLevel.Debug, s.Level);
        Assert.True(s.Console.Enabled);
        Assert.True(s.Console.Colored);
        Assert.All(TradingLogSettings.DesignServices.Keys, service => Assert.True(s.LevelOf(service) <= LogEventLevel.Debug));
    }

    [Fact]
    public void ProductionHasNoDebugAnywhere()
    {
        var loaded = LoadShipped("Production");
        var s = loaded.Settings;
        Assert.Equal(LogEventLevel.Information, s.Level);
        Assert.All(s.Services.Keys, service => Assert.True(s.LevelOf(service) >= LogEventLevel.Information, service));
        Assert.True(s.RootLevel >= LogEventLevel.Information);
        Assert.False(s.Console.Colored);
        Assert.DoesNotContain(loaded.Effective, e => e.Value is "DEBUG" or "TRACE");
    }
}
