using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingLog.Dashboard.Hosting;

namespace TradingLog.Dashboard.Api;

/// <summary>The service map's API: the services as nodes, the flows between them from correlation IDs as edges.</summary>
internal static class ServiceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // GET api/service-map?range=1h
        api.MapGet("/service-map", async (HttpRequest request, DashboardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = new ApiQuery(request, time);
            var queries = await store.QueriesAsync(cancellationToken);
            var hops = await queries.ServiceHopsAsync(query.From, query.To, cancellationToken);
            var counts = await queries.ErrorRatesAsync(new PostgreSql.Queries.LogFilter { From = query.From, To = query.To }, cancellationToken);
            var nodes = counts.Select(c => new { service = c.Service, events = c.Events, errors = c.Errors, error_rate_percent = c.ErrorRatePercent });
            return Results.Json(new { from = query.From, to = query.To, nodes, edges = hops }, DashboardJson.Options);
        });
    }
}
