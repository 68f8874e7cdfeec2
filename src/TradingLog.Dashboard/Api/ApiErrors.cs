using Microsoft.AspNetCore.Http;
using Npgsql;
using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Dashboard.Api;

/// <summary>
/// Turns what can go wrong behind an API call into an answer a person can act on, as problem JSON: a bad parameter 400, a
/// query cut by the statement timeout or an unreachable store 503. Nothing is swallowed.
/// </summary>
internal sealed class ApiErrors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                extensions: new Dictionary<string, object?> { ["parameter"] = e.Parameter });
        }
        catch (FilterSyntaxException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                extensions: new Dictionary<string, object?> { ["parameter"] = "q" });
        }
        catch (PostgresException e) when (e.SqlState == "57014")
        {
            return Results.Problem("the query ran longer than the dashboard's statement timeout and was cancelled; narrow the time range or the search",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Query timed out");
        }
        catch (PostgresException e) when (e.SqlState == "2201B")
        {
            return Results.Problem("regex: " + e.MessageText, statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                extensions: new Dictionary<string, object?> { ["parameter"] = "q" });
        }
        catch (TradingLog.Configuration.TradingLogConfigurationException e)
        {
            return Results.Problem("the alerts: configuration is invalid: " + e.Message, statusCode: StatusCodes.Status500InternalServerError,
                title: "Configuration error");
        }
        catch (Exception e) when (e is NpgsqlException or EmbeddedServerException or TimeoutException)
        {
            return Results.Problem("the log store cannot be read: " + e.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Log store unavailable");
        }
    }
}
