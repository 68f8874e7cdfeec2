using Microsoft.AspNetCore.Builder;

namespace TradingLog.AspNetCore.Correlation;

/// <summary>Adds <see cref="CorrelationMiddleware"/> to an ASP.NET Core pipeline.</summary>
public static class CorrelationApplicationBuilderExtensions
{
    /// <summary>Reads or creates each request's correlation ID; add it early, before the endpoints.</summary>
    public static IApplicationBuilder UseTradingLogCorrelation(this IApplicationBuilder app) => app.UseMiddleware<CorrelationMiddleware>();
}
