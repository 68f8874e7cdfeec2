using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingLog.Dashboard.Hosting;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>The trades page's API: the trade list, trades over time by status, rejection reasons, timelines, the slowest trades.</summary>
internal static class TradeEndpoints
{
    private const int MaxTimelineEvents = 5_000;

    public static void Map(RouteGroupBuilder api)
    {
        // GET api/trades?range=&symbol=&status=&limit=100
        api.MapGet("/trades", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var queries = await store.QueriesAsync(cancellationToken);
            var trades = await queries.TradesAsync(query.From, query.To, query.Text("symbol"), query.Text("status"), query.Int("limit", 100, 1, 1000),
                cancellationToken);
            return Results.Json(new { from = query.From, to = query.To, trades }, DashboardJson.Options);
        });

        // GET api/trades/over-time?range=: trades per bucket and status.
        api.MapGet("/trades/over-time", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var bucket = query.Bucket(60);
            var queries = await store.QueriesAsync(cancellationToken);
            var buckets = await queries.TradesOverTimeAsync(query.From, query.To, bucket, cancellationToken);
            return Results.Json(new { from = query.From, to = query.To, bucket_seconds = (int)bucket.TotalSeconds, buckets }, DashboardJson.Options);
        });

        // GET api/trades/rejections?range=&top=10
        api.MapGet("/trades/rejections", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var queries = await store.QueriesAsync(cancellationToken);
            var reasons = await queries.RejectionReasonsAsync(query.From, query.To, query.Int("top", 10, 1, 100), cancellationToken);
            return Results.Json(new { from = query.From, to = query.To, reasons }, DashboardJson.Options);
        });

        // GET api/trades/slowest?range=&top=5: the slowest trades with their timelines, to compare step by step.
        api.MapGet("/trades/slowest", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var queries = await store.QueriesAsync(cancellationToken);
            var slowest = await queries.SlowestTradesAsync(query.From, query.To, query.Int("top", 5, 1, 20), cancellationToken);
            var timelines = new List<object>();
            foreach (var slow in slowest)
            {
                var (logs, trades) = await queries.TraceAsync(slow.Trade.TradeId!, cancellationToken);
                timelines.Add(new { trade = slow.Trade, span_ms = slow.SpanMs, timeline = Timeline.Of(logs, trades) });
            }

            return Results.Json(new { from = query.From, to = query.To, trades = timelines }, DashboardJson.Options);
        });

        // GET api/trace/{correlationId}: every event of one correlation ID or trade across services, on one time axis.
        api.MapGet("/trace/{correlationId}", async (string correlationId, DashboardStore store, CancellationToken cancellationToken) =>
        {
            if (correlationId.Length > 100)
            {
                throw new ApiException("correlationId", "at most 100 characters");
            }

            var queries = await store.QueriesAsync(cancellationToken);
            var (logs, trades) = await queries.TraceAsync(correlationId, cancellationToken);
            if (logs.Count == 0 && trades.Count == 0)
            {
                return Results.Problem($"no event and no trade has correlation ID or trade ID '{correlationId}'", statusCode: StatusCodes.Status404NotFound,
                    title: "Not found");
            }

            return Results.Json(new { correlation_id = correlationId, timeline = Timeline.Of(logs.Take(MaxTimelineEvents).ToList(), trades),
                truncated = logs.Count > MaxTimelineEvents }, DashboardJson.Options);
        });
    }
}
