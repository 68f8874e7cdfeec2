using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TradingLog.Dashboard;
using TradingLog.Dashboard.Hosting;
using TradingLog.Dashboard.Security;
using TradingLog.Dashboard.Tail;

// Entry points live in the namespace of what they extend, as ASP.NET Core's own do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the TradingLog dashboard's services.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <see cref="Microsoft.AspNetCore.Builder.DashboardEndpointRouteBuilderExtensions.MapTradingLogDashboard"/>
    /// serves: the read side over the configured log store and the live tail's one shared poller (a hosted service).
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options; the defaults read <c>config/logging.yaml</c> of the current folder.</param>
    /// <exception cref="ArgumentException">An option is out of its range (checked when the dashboard is first used).</exception>
    public static IServiceCollection AddTradingLogDashboard(this IServiceCollection services, Action<DashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<DashboardOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DashboardStore>();
        services.TryAddSingleton<DashboardAccess>();
        services.TryAddSingleton<TailHub>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<TailHub>());
        services.TryAddSingleton<DashboardAlerting>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<DashboardAlerting>());
        return services;
    }
}
