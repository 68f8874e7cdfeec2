using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingLog.Dashboard.Hosting;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>The performance page's API: percentiles over time, the latency heatmap, the slowest operations, memory and CPU.</summary>
internal static class PerformanceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // GET api/performance/latency?range=&service=&operation=: p50/p95/p99 per bucket, service and operation.
        MapBucketed(api, "/performance/latency", "points",
            (queries, query, bucket, ct) => queries.LatencyOverTimeAsync(query.From, query.To, bucket, query.Service(), query.Text("operation"), ct));

        // GET api/performance/heatmap?range=&service=: operations per time bucket and doubling duration bucket.
        MapBucketed(api, "/performance/heatmap", "cells",
            (queries, query, bucket, ct) => queries.LatencyHeatmapAsync(query.From, query.To, bucket, query.Service(), ct));

        // GET api/performance/resources?range=&service=: mean memory and CPU per bucket and service.
        MapBucketed(api, "/performance/resources", "points",
            (queries, query, bucket, ct) => queries.ResourcesOverTimeAsync(query.From, query.To, bucket, query.Service(), ct));

        // GET api/performance/slowest?range=&service=&top=20
        api.MapGet("/performance/slowest", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var queries = await store.QueriesAsync(cancellationToken);
            var operations = await queries.SlowestOperationsAsync(query.From, query.To, query.Int("top", 20, 1, 1000), query.Service(), cancellationToken);
            return Results.Json(new { from = query.From, to = query.To, operations }, DashboardJson.Options);
        });

        // GET api/performance/operations?range=&service=: per service and operation, calls, mean, percentiles, memory, CPU.
        api.MapGet("/performance/operations", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var queries = await store.QueriesAsync(cancellationToken);
            return Results.Json(new { from = query.From, operations = await queries.PerformanceAsync(query.From, query.Service(), cancellationToken) },
                DashboardJson.Options);
        });
    }

    /// <summary>An endpoint answering a time series over the range in about 60 buckets: from, to, bucket_seconds and the list.</summary>
    private static void MapBucketed<T>(RouteGroupBuilder api, string path, string list,
        Func<LogQueries, ApiQuery, TimeSpan, CancellationToken, Task<IReadOnlyList<T>>> ask) =>
        api.MapGet(path, async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var bucket = query.Bucket(60);
            var rows = await ask(await store.QueriesAsync(cancellationToken), query, bucket, cancellationToken);
            return Results.Json(new Dictionary<string, object?>
            {
                ["from"] = query.From, ["to"] = query.To, ["bucket_seconds"] = (int)bucket.TotalSeconds, [list] = rows,
            }, DashboardJson.Options);
        });
}
