using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TradingLog.Dashboard.Pages;

namespace TradingLog.Dashboard.Security;

/// <summary>
/// Every dashboard response gets the security headers (a Content-Security-Policy without inline script, no sniffing, no
/// framing, no referrer). Without an access token only loopback clients are served (403 otherwise); with one, a request
/// needs it as <c>Authorization: Bearer …</c> or the login form's HttpOnly, SameSite=Strict cookie, or is answered 401.
/// </summary>
internal sealed class DashboardAccess : IEndpointFilter
{
    /// <summary>No inline script, nothing from elsewhere; inline styles are allowed because the chart library sets them.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private readonly AccessToken? _token;
    private readonly TimeProvider _time;

    public DashboardAccess(IOptions<DashboardOptions> options, TimeProvider time)
    {
        _token = options.Value.AccessToken is { } token ? new AccessToken(token) : null;
        _time = time;
    }

    public static void AddHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        AddHeaders(http.Response);
        var metadata = http.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<IndexPage>() is not null && http.Request.Path.Value?.EndsWith('/') == false)
        {
            // The page's relative links (assets, api, login) resolve under the prefix only with the trailing slash.
            return Results.Redirect(http.Request.PathBase + http.Request.Path + "/");
        }

        if (metadata?.GetMetadata<PublicEndpoint>() is not null)
        {
            return await next(context);
        }

        if (_token is null)
        {
            return IsLoopback(http.Connection.RemoteIpAddress)
                ? await next(context)
                : Results.Problem("this dashboard has no access token, so it serves loopback clients only", statusCode: StatusCodes.Status403Forbidden,
                    title: "Forbidden");
        }

        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (_token.IsToken(bearer) || _token.IsSession(http.Request.Cookies[AccessToken.CookieName], _time.GetUtcNow()))
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"TradingLog\"";
        var reason = bearer is not null || header.Length > 0
            ? "the access token given is not this dashboard's (send 'Authorization: Bearer <token>')"
            : "an access token is needed: send 'Authorization: Bearer <token>' or sign in";
        return http.Request.Path.Value?.Contains("/api/", StringComparison.Ordinal) == true
            ? Results.Problem(reason, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized")
            : Assets.Page("login.html", StatusCodes.Status401Unauthorized);
    }

    /// <summary>Whether a request outside the dashboard's endpoints (the Prometheus scrape) may be served, by the same rules.</summary>
    public bool Allows(HttpContext http)
    {
        if (_token is null)
        {
            return IsLoopback(http.Connection.RemoteIpAddress);
        }

        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return _token.IsToken(bearer) || _token.IsSession(http.Request.Cookies[AccessToken.CookieName], _time.GetUtcNow());
    }

    public static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
