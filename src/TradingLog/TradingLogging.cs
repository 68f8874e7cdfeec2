using TradingLog.Configuration;
using TradingLog.Pipeline;

namespace TradingLog;

/// <summary>The entry point for console programs: <c>using var logging = TradingLogging.Configure("execution");</c>.</summary>
public static class TradingLogging
{
    /// <summary>
    /// Builds the pipeline of <paramref name="service"/>: its own file and level, the shared files, the console and any
    /// extensions. Configuration is loaded from <c>config/logging.yaml</c> and the environment unless given.
    /// </summary>
    /// <exception cref="TradingLogConfigurationException">The configuration is invalid; the message names the file and key.</exception>
    public static TradingLogHost Configure(string service, Action<TradingLogOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var options = new TradingLogOptions();
        configure?.Invoke(options);
        options.Configuration.WorkingDirectory ??= options.WorkingDirectory;
        var loaded = options.Settings is null ? TradingLogConfiguration.Load(options.Configuration) : null;
        return PipelineBuilder.Build(TradingLogSettings.NormalizeServiceName(service), options.Settings ?? loaded!.Settings, options,
            loaded?.Files ?? [], loaded?.EnvironmentName);
    }
}
