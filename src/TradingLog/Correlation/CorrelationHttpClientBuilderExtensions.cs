using Microsoft.Extensions.DependencyInjection;

namespace TradingLog.Correlation;

/// <summary>Registers <see cref="CorrelationHandler"/> on typed and named HTTP clients.</summary>
public static class CorrelationHttpClientBuilderExtensions
{
    /// <summary>Sends the current correlation ID with every request of this client.</summary>
    public static IHttpClientBuilder AddTradingLogCorrelation(this IHttpClientBuilder builder) =>
        builder.AddHttpMessageHandler(() => new CorrelationHandler());
}
