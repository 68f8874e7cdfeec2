using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;
using TradingLog.Diagnostics;

namespace TradingLog.Hosting;

/// <summary>Microsoft.Extensions.Hosting integration: <c>builder.AddTradingLogging("execution")</c>.</summary>
public static class TradingLogHostingExtensions
{
    /// <summary>
    /// Makes TradingLog the logging of this host: <c>ILogger&lt;T&gt;</c> writes through the service's pipeline, and
    /// <see cref="TradingLogger"/>, <see cref="TradingLogHost"/> and <see cref="TradingLogHealth"/> can be injected.
    /// The environment is the host's unless <c>TRADINGLOG_ENVIRONMENT</c> or the options say otherwise. Stopping the
    /// host flushes every sink.
    /// </summary>
    /// <exception cref="Configuration.TradingLogConfigurationException">The configuration is invalid.</exception>
    public static IHostApplicationBuilder AddTradingLogging(this IHostApplicationBuilder builder, string service, Action<TradingLogOptions>? configure = null)
    {
        var host = TradingLogging.Configure(service, options =>
        {
            options.WorkingDirectory = builder.Environment.ContentRootPath;
            options.FlushOnTermination = false;
            options.Configuration.Environment = Environment.GetEnvironmentVariable(Configuration.TradingLogConfigurationOptions.EnvironmentVariable)
                ?? builder.Environment.EnvironmentName;
            configure?.Invoke(options);
        });

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(new SerilogLoggerProvider(host.SerilogLogger, dispose: false));

        // Registered by factory so that the container disposes (and so flushes) the host when the application stops.
        builder.Services.AddSingleton(_ => host);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<TradingLogHost>().Logger);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<TradingLogHost>().Health);
        builder.Services.AddHostedService<TradingLogLifetime>();
        return builder;
    }
}
