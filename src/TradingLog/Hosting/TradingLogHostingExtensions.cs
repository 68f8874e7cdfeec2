using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingLog.Hosting;

/// <summary>
/// Microsoft.Extensions.Hosting integration: <c>builder.AddTradingLogging("execution")</c>, or
/// <c>services.AddTradingLogging("execution")</c> with <c>logging.AddTradingLog()</c> when the application composes its
/// own container. Nothing is built while services are registered: the pipeline is built the first time the container
/// resolves it (at the latest when the host starts), and disposed, so flushed, with the container.
/// </summary>
public static class TradingLogHostingExtensions
{
    /// <summary>
    /// Makes TradingLog the logging of this host: the other logging providers are removed, <c>ILogger&lt;T&gt;</c> writes
    /// through the service's pipeline, and <see cref="TradingLogger"/>, <see cref="TradingLogHost"/>,
    /// <see cref="Diagnostics.TradingLogHealth"/> and <see cref="Configuration.PerformanceSettings"/> can be injected.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="service">The service name (<c>execution</c>, <c>risk_management</c>, ...).</param>
    /// <param name="configure">Changes the options after the host's defaults are applied; may be null.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="service"/> is empty.</exception>
    public static IHostApplicationBuilder AddTradingLogging(this IHostApplicationBuilder builder, string service, Action<TradingLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddTradingLogging(service, configure);
        return builder;
    }

    /// <summary>
    /// Adds TradingLog as a logging provider (beside any others) and registers its services, as
    /// <see cref="AddTradingLogging(IServiceCollection, string, Action{TradingLogOptions}?)"/> does.
    /// </summary>
    /// <param name="logging">The logging builder.</param>
    /// <param name="service">The service name.</param>
    /// <param name="configure">Changes the options after the host's defaults are applied; may be null.</param>
    /// <returns>The logging builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logging"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="service"/> is empty.</exception>
    public static ILoggingBuilder AddTradingLogging(this ILoggingBuilder logging, string service, Action<TradingLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Services.AddTradingLogging(service, configure);
        logging.SetMinimumLevel(LogLevel.Trace);
        logging.Services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<TradingLogProvider>());
        logging.Services.AddSingleton<TradingLogProvider>();
        return logging;
    }

    /// <summary>
    /// Registers the service's pipeline, built when the container first resolves it: the working directory is the
    /// host's content root and the environment the host's (unless <c>TRADINGLOG_ENVIRONMENT</c> or the options say
    /// otherwise; <c>TRADINGLOG_ENVIRONMENT</c> set to an empty value means no environment file); termination signals are
    /// left to the host. Registers <see cref="TradingLogHost"/>,
    /// <see cref="TradingLogger"/>, <see cref="Diagnostics.TradingLogHealth"/>, <see cref="Configuration.PerformanceSettings"/>
    /// and a hosted service that builds the pipeline at start, so that a bad configuration stops the start with its
    /// <see cref="Configuration.TradingLogConfigurationException"/>. Registering twice keeps the first registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="service">The service name.</param>
    /// <param name="configure">Changes the options after the host's defaults are applied; may be null.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="service"/> is empty.</exception>
    public static IServiceCollection AddTradingLogging(this IServiceCollection services, string service, Action<TradingLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (services.Any(d => d.ServiceType == typeof(TradingLogHost)))
        {
            return services;
        }

        // Registered by factory so that the container builds the host on first use and disposes (so flushes) it last.
        services.AddSingleton(sp => TradingLogging.Configure(service, options =>
        {
            if (sp.GetService<IHostEnvironment>() is { } environment)
            {
                options.WorkingDirectory = environment.ContentRootPath;
                options.Configuration.Environment = Environment.GetEnvironmentVariable(Configuration.TradingLogConfigurationOptions.EnvironmentVariable)
                    ?? environment.EnvironmentName;
            }

            options.FlushOnTermination = false;
            configure?.Invoke(options);
        }));
        services.AddSingleton(sp => sp.GetRequiredService<TradingLogHost>().Logger);
        services.AddSingleton(sp => sp.GetRequiredService<TradingLogHost>().Health);
        services.AddSingleton(sp => sp.GetRequiredService<TradingLogHost>().Settings.Performance);
        services.AddHostedService<TradingLogLifetime>();
        return services;
    }
}
