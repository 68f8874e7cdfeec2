using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using TradingLog.Correlation;

namespace TradingLog.AspNetCore.Correlation;

/// <summary>
/// Gives each incoming request a correlation ID: the caller's <c>X-Correlation-ID</c> if sent, else the W3C trace ID
/// of the request's <see cref="Activity"/> (from <c>traceparent</c>), else a new <c>req_</c> ID. Everything logged while
/// the request runs carries it, outgoing calls through <see cref="CorrelationHandler"/> forward it, and the response
/// echoes it.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next)
{
    /// <summary>Runs the rest of the pipeline inside the request's correlation scope.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationContext.HeaderName].ToString();
        var id = incoming.Length > 0 ? CorrelationContext.Sanitize(incoming) : null;
        if (string.IsNullOrEmpty(id))
        {
            id = CorrelationContext.FromActivity(Activity.Current) ?? CorrelationContext.NewId();
        }

        Activity.Current?.SetBaggage(CorrelationContext.BaggageKey, id);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationContext.HeaderName] = id;
            return Task.CompletedTask;
        });
        using (CorrelationContext.Begin(id))
        {
            await next(context);
        }
    }
}
