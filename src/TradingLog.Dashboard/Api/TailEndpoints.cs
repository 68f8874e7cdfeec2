using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingLog.Dashboard.Tail;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>
/// GET api/tail?q=…: the live tail as server-sent events. Each stored event matching the search is one <c>event: log</c>
/// message whose data is the row as JSON; <c>event: skipped</c> says how many this browser missed because it read too
/// slowly; <c>event: error</c> carries the poller's failure; a comment every 15 s keeps proxies from closing the stream.
/// </summary>
internal static class TailEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tail", async (HttpContext context, TailHub hub, TimeProvider time, CancellationToken cancellationToken) =>
        {
            LogFilter filter;
            TailFilter tailFilter;
            try
            {
                filter = LogFilterSyntax.Parse(new ApiQuery(context.Request, time).Text("q"));
                tailFilter = new TailFilter(filter);
            }
            catch (FilterSyntaxException e)
            {
                throw new ApiException("q", e.Message);
            }

            var response = context.Response;
            response.Headers.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            var subscriber = hub.Subscribe(tailFilter);
            try
            {
                await response.WriteAsync(": live tail\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                string? reportedError = null;
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    wait.CancelAfter(KeepAlive);
                    bool ready;
                    try
                    {
                        ready = await subscriber.Reader.WaitToReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        ready = true;
                    }

                    if (hub.LastError != reportedError)
                    {
                        reportedError = hub.LastError;
                        await response.WriteAsync($"event: error\ndata: {JsonSerializer.Serialize(new { error = reportedError }, DashboardJson.Options)}\n\n",
                            cancellationToken);
                    }

                    if (subscriber.TakeSkipped() is var skipped and > 0)
                    {
                        await response.WriteAsync($"event: skipped\ndata: {skipped.ToString(CultureInfo.InvariantCulture)}\n\n", cancellationToken);
                    }

                    var wrote = false;
                    while (subscriber.Reader.TryRead(out var e))
                    {
                        var json = JsonSerializer.Serialize(DashboardJson.Row(e.Entry), DashboardJson.Options);
                        await response.WriteAsync($"event: log\nid: {e.Entry.Id.ToString(CultureInfo.InvariantCulture)}\ndata: {json}\n\n", cancellationToken);
                        wrote = true;
                    }

                    if (!wrote)
                    {
                        await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    }

                    await response.Body.FlushAsync(cancellationToken);
                    if (!ready)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The browser left.
            }
            finally
            {
                hub.Unsubscribe(subscriber);
            }

            return Results.Empty;
        });
    }
}
