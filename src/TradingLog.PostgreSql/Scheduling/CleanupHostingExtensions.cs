using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TradingLog.PostgreSql.Scheduling;

/// <summary>
/// Hosts the cleanup scheduler in any service:
/// <c>builder.AddTradingLogging("analytics", o =&gt; o.UsePostgreSql()).AddTradingLogCleanup()</c>.
/// </summary>
public static class CleanupHostingExtensions
{
    /// <summary>Runs cleanups on <c>cleanup_schedule</c> in this host. Several hosts may do so; each occurrence runs once.</summary>
    public static IHostApplicationBuilder AddTradingLogCleanup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<CleanupHostedService>();
        return builder;
    }
}
