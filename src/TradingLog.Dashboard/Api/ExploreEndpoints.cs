using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingLog.Dashboard.Hosting;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>The explore page's API: search with paging, one event, the histogram, error rates and the busiest event types.</summary>
internal static class ExploreEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // GET api/events?q=&range=1h|from=&to=&archive=true&limit=100&before_id=&before_time=
        api.MapGet("/events", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var filter = query.Filter();
            var limit = query.Int("limit", 100, 1, 1000);
            LogEntry? before = null;
            if (query.Long("before_id") is { } beforeId)
            {
                before = new LogEntry(beforeId, query.Time("before_time") ?? throw new ApiException("before_time", "is needed with before_id"),
                    "", "", null, null, null, null, false);
            }

            var queries = await store.QueriesAsync(cancellationToken);
            var rows = await queries.LogsAsync(filter, limit + 1, before, cancellationToken: cancellationToken);
            var page = rows.Take(limit).ToList();
            return Results.Json(new
            {
                from = filter.From, to = filter.To,
                events = page.Select(DashboardJson.Row),
                next = rows.Count > limit ? new { before_id = page[^1].Id, before_time = page[^1].Timestamp } : null,
            }, DashboardJson.Options);
        });

        // GET api/events/{id}: everything about one event.
        api.MapGet("/events/{id:long}", async (long id, DashboardStore store, CancellationToken cancellationToken) =>
        {
            var queries = await store.QueriesAsync(cancellationToken);
            return await queries.EventAsync(id, cancellationToken) is { } e
                ? Results.Json(new
                {
                    e.Id, e.Timestamp, e.Service, e.Level, e.EventType, e.Message, e.CorrelationId, e.Archived,
                    metadata = DashboardJson.Metadata(e.Metadata),
                }, DashboardJson.Options)
                : Results.Problem($"no event has id {id}", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        });

        // GET api/histogram?q=&range=: events per bucket and level.
        api.MapGet("/histogram", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var filter = query.Filter();
            var bucket = query.Bucket();
            var queries = await store.QueriesAsync(cancellationToken);
            var buckets = await queries.HistogramAsync(filter, bucket, cancellationToken);
            return Results.Json(new { from = filter.From, to = filter.To, bucket_seconds = (int)bucket.TotalSeconds, buckets }, DashboardJson.Options);
        });

        // GET api/error-rates?q=&range=: per service, events, errors and their share.
        api.MapGet("/error-rates", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var filter = new ApiQuery(request, time).Filter();
            var queries = await store.QueriesAsync(cancellationToken);
            return Results.Json(new { from = filter.From, to = filter.To, services = await queries.ErrorRatesAsync(filter, cancellationToken) },
                DashboardJson.Options);
        });

        // GET api/event-types?q=&range=&top=10
        api.MapGet("/event-types", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var filter = query.Filter();
            var queries = await store.QueriesAsync(cancellationToken);
            return Results.Json(new
            {
                from = filter.From, to = filter.To,
                event_types = await queries.BusiestEventTypesAsync(filter, query.Int("top", 10, 1, 100), cancellationToken),
            }, DashboardJson.Options);
        });
    }
}
