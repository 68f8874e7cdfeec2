namespace TradingLog.Correlation;

/// <summary>
/// An outgoing <see cref="HttpClient"/> handler that sends the current correlation ID in <c>X-Correlation-ID</c>.
/// W3C <c>traceparent</c> is sent by .NET's own HTTP instrumentation whenever an <see cref="System.Diagnostics.Activity"/> is current.
/// </summary>
public sealed class CorrelationHandler : DelegatingHandler
{
    /// <summary>Creates the handler; give it an inner handler, or add it with <c>AddTradingLogCorrelation()</c>.</summary>
    public CorrelationHandler()
    {
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    public CorrelationHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CorrelationContext.Current is { } id && !request.Headers.Contains(CorrelationContext.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(CorrelationContext.HeaderName, id);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
