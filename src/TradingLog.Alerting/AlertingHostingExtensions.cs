using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingLog.Alerting.Hosting;

namespace TradingLog.Alerting;

/// <summary>
/// Hosts TradingLog's alerting in any service:
/// <c>builder.AddTradingLogging("risk_management", o =&gt; o.UsePostgreSql()).AddTradingLogAlerting()</c>. Rules,
/// receivers and timing come from the <c>alerts:</c> section of the service's configuration files.
/// </summary>
public static class AlertingHostingExtensions
{
    /// <summary>
    /// Evaluates the configured alert rules in this host and delivers their notifications. Several hosts may do so: one
    /// evaluates at a time (a PostgreSQL advisory lock) and another takes over within one <c>interval</c> if it stops.
    /// Needs <c>AddTradingLogging</c> with PostgreSQL; with no rules configured it does nothing.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Changes the options; null keeps the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="TradingLog.Configuration.TradingLogConfigurationException">At start-up: a rule, receiver or key of the
    /// <c>alerts:</c> section is invalid; the message names the file, line and key.</exception>
    public static IHostApplicationBuilder AddTradingLogAlerting(this IHostApplicationBuilder builder, Action<AlertingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AlertingOptions();
        configure?.Invoke(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<AlertingHostedService>();
        return builder;
    }
}
