using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingLog.Dashboard;
using TradingLog.Dashboard.Api;
using TradingLog.Dashboard.Pages;
using TradingLog.Dashboard.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the TradingLog dashboard inside any ASP.NET Core application.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the dashboard's pages under <paramref name="prefix"/> and its JSON API under <c>{prefix}/api/</c>. Call
    /// <see cref="DashboardServiceCollectionExtensions.AddTradingLogDashboard"/> first. Without an access token only
    /// loopback clients are served.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="prefix">The path the dashboard lives under, such as <c>/logs</c>; empty or <c>/</c> for the root.</param>
    /// <returns>The dashboard's route group, to add conventions to.</returns>
    /// <exception cref="InvalidOperationException">The dashboard's services were not added.</exception>
    /// <exception cref="OptionsValidationException">An option is out of its range.</exception>
    public static RouteGroupBuilder MapTradingLogDashboard(this IEndpointRouteBuilder endpoints, string prefix = "/logs")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _ = endpoints.ServiceProvider.GetService<DashboardAccess>()
            ?? throw new InvalidOperationException("call services.AddTradingLogDashboard() before app.MapTradingLogDashboard()");
        _ = endpoints.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value;
        prefix = "/" + (prefix ?? "").Trim('/');
        var group = endpoints.MapGroup(prefix == "/" ? "" : prefix);
        group.AddEndpointFilter<DashboardAccess>();
        // Routing matches /logs and /logs/ alike; DashboardAccess sends the first to the second (relative links need it).
        group.MapGet("/", () => Assets.Page("index.html")).WithMetadata(new IndexPage());
        group.MapGet("/assets/{*path}", (string path, HttpRequest request) => Assets.File(path, request));
        group.MapGet("/assets/login.css", (HttpRequest request) => Assets.File("login.css", request)).WithMetadata(new PublicEndpoint());
        group.MapGet("/assets/login.js", (HttpRequest request) => Assets.File("login.js", request)).WithMetadata(new PublicEndpoint());
        group.MapGet("/assets/favicon.svg", (HttpRequest request) => Assets.File("favicon.svg", request)).WithMetadata(new PublicEndpoint());
        group.MapGet("/favicon.ico", (HttpRequest request) => Assets.File("favicon.svg", request)).WithMetadata(new PublicEndpoint());
        group.MapGet("/login", () => Assets.Page("login.html")).WithMetadata(new PublicEndpoint());
        group.MapPost("/login", LoginAsync).WithMetadata(new PublicEndpoint()).DisableAntiforgery();
        group.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(AccessToken.CookieName);
            return Results.Redirect("login");
        }).WithMetadata(new PublicEndpoint()).DisableAntiforgery();

        var api = group.MapGroup("/api");
        api.AddEndpointFilter<ApiErrors>();
        ExploreEndpoints.Map(api);
        TailEndpoints.Map(api);
        PerformanceEndpoints.Map(api);
        TradeEndpoints.Map(api);
        ServiceEndpoints.Map(api);
        HealthEndpoints.Map(api);
        AlertEndpoints.Map(api);
        PatternEndpoints.Map(api);
        api.MapFallback((HttpContext context) => Results.Problem(
            $"no API endpoint answers {context.Request.Method} {context.Request.Path}; see docs/dashboard.md",
            statusCode: StatusCodes.Status404NotFound, title: "Not found"));
        return group;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IOptions<DashboardOptions> options, TimeProvider time)
    {
        if (options.Value.AccessToken is not { } configured)
        {
            return Results.Redirect("./");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var token = new AccessToken(configured);
        if (!token.IsToken(form["token"].ToString()))
        {
            return Assets.Page("login-failed.html", StatusCodes.Status401Unauthorized);
        }

        var expires = time.GetUtcNow() + AccessToken.SessionLifetime;
        // Back to the view asked for: only a fragment of this page (#/…), never another address.
        var next = form["next"].ToString();
        var view = next.Length is > 2 and <= 300 && next.StartsWith("#/", StringComparison.Ordinal) && !next.Any(char.IsControl) ? next : "";
        context.Response.Cookies.Append(AccessToken.CookieName, token.SessionValue(expires), new CookieOptions
        {
            Expires = expires,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = context.Request.PathBase + context.Request.Path.Value![..^"login".Length],
        });
        return Results.Redirect("./" + view);
    }
}
