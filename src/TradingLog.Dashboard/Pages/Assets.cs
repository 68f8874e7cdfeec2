using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace TradingLog.Dashboard.Pages;

/// <summary>The dashboard's pages, scripts, styles and the chart library, embedded in the assembly at build time.</summary>
internal static class Assets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType, string ETag)> Files = Load();

    public static IResult File(string name, HttpRequest request)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        if (request.Headers.IfNoneMatch.ToString() == file.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        request.HttpContext.Response.Headers.ETag = file.ETag;
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(file.Content, file.ContentType);
    }

    public static IResult Page(string name, int statusCode = StatusCodes.Status200OK) =>
        new PageResult(Files[name].Content, statusCode);

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource["assets/".Length..];
            files[name] = (bytes, ContentType(name), "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
        }

        // The form after a wrong token is the form with its message shown: derived, not a second copy of the page.
        var login = files["login.html"].Item1;
        var failed = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(login)
            .Replace("<p class=\"failed\" hidden>", "<p class=\"failed\">", StringComparison.Ordinal));
        files["login-failed.html"] = (failed, ContentType("login-failed.html"), "\"" + Convert.ToHexString(SHA256.HashData(failed))[..16] + "\"");
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };

    private sealed class PageResult(byte[] content, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.Body.WriteAsync(content).AsTask();
        }
    }
}
