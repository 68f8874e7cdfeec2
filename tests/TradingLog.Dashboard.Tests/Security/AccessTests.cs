using System.Net;
using Microsoft.AspNetCore.Builder;
using TradingLog.Dashboard.Security;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Security;

/// <summary>Loopback by default; anywhere else only with an access token, which every request then needs.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private const string Token = "s3cret-token-for-the-tests";
    private WebApplication? _app;
    private string _url = "";

    public async Task InitializeAsync()
    {
        // The store is never reached: access is decided before any query.
        var settings = new TradingLog.Configuration.TradingLogSettings();
        settings.Database.ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none";
        _app = TradingLogDashboardServer.Create("http://127.0.0.1:0", o =>
        {
            o.Settings = settings;
            o.AccessToken = Token;
        });
        await _app.StartAsync();
        _url = TradingLogDashboardServer.RootUrl(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://127.0.0.1:5080;http://[::]:5081")]
    public void ListeningBeyondLoopbackWithoutATokenRefusesToStart(string urls)
    {
        var refused = Assert.Throws<ArgumentException>(() => TradingLogDashboardServer.Create(urls, _ => { }));
        Assert.Equal("urls", refused.ParamName);
        Assert.Contains("refusing to listen", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:0")]
    [InlineData("http://[::1]:0")]
    public void LoopbackNeedsNoToken(string urls) => Assert.Equal([urls], TradingLogDashboardServer.CheckUrls(urls, hasToken: false));

    [Fact]
    public void TheCommandRefusesANonLoopbackAddressWithoutATokenNamingTheOption()
    {
        using var folder = new TempFolder();
        var run = Tradelog.Run(folder.Path, null, "dashboard", "--urls", "http://0.0.0.0:5080");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--urls", run.Error, StringComparison.Ordinal);
        Assert.Contains("access token", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/health")]
    [InlineData("api/events")]
    [InlineData("api/tail")]
    [InlineData("")]
    [InlineData("assets/app.js")]
    [InlineData("metrics")]
    [InlineData("health/ready")]
    public async Task RequestsWithoutTheTokenAreAnswered401(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_url + path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer wrong-token-of-enough-length")]
    [InlineData("Bearer " + Token + "x")]
    [InlineData("Basic " + Token)]
    public async Task AWrongTokenIsAnswered401(string authorization)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_url));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheBearerTokenOpensThePage()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.GetAsync(new Uri(_url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<nav id=\"nav\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheTokenTheProbesSayTheLogStoreCannotBeReachedAndMetricsAreServed()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var ready = await http.GetAsync(new Uri(_url + "health/ready"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("the log store cannot be reached", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var live = await http.GetAsync(new Uri(_url + "health/live"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var metrics = await http.GetAsync(new Uri(_url + "metrics"));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task TheLoginFormSetsAnHttpOnlyStrictCookieThatOpensThePage()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        using (var wrong = await http.PostAsync(new Uri(_url + "login"), new FormUrlEncodedContent([new("token", "not-the-token-at-all")])))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("not this dashboard's access token", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var login = await http.PostAsync(new Uri(_url + "login"), new FormUrlEncodedContent([new("token", Token)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains(AccessToken.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);

        using var page = await http.GetAsync(new Uri(_url));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/health")]
    [InlineData("login")]
    public async Task EveryResponseForbidsInlineScriptAndFraming(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_url + path));

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", policy.Split("style-src")[0], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public void AShortTokenIsRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => TradingLogDashboardServer.Create("http://127.0.0.1:0", o => o.AccessToken = "short"));
        Assert.Contains("AccessToken", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignInExpiresAndCannotBeExtendedOrForged()
    {
        var token = new AccessToken(Token);
        var now = DateTimeOffset.UtcNow;
        var session = token.SessionValue(now + AccessToken.SessionLifetime);

        Assert.True(token.IsSession(session, now));
        Assert.False(token.IsSession(session, now + AccessToken.SessionLifetime + TimeSpan.FromSeconds(1)));
        var extended = (now + TimeSpan.FromDays(365)).ToUnixTimeSeconds() + session[session.IndexOf('.', StringComparison.Ordinal)..];
        Assert.False(token.IsSession(extended, now));
        Assert.False(new AccessToken(Token + "-rotated").IsSession(session, now));
        Assert.False(token.IsSession("garbage", now));
        Assert.False(token.IsSession(null, now));
    }

    [Theory]
    [InlineData("#/trace/trade_42", "./#/trace/trade_42")]
    [InlineData("", "./")]
    [InlineData("//evil.example/", "./")]
    [InlineData("https://evil.example/#/x", "./")]
    [InlineData("#/x\r\nSet-Cookie: a=b", "./")]
    public async Task SignInReturnsToTheViewAskedForAndNowhereElse(string next, string location)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler);

        using var login = await http.PostAsync(new Uri(_url + "login"),
            new FormUrlEncodedContent([new("token", Token), new("next", next)]));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(location, login.Headers.Location!.OriginalString);
    }
}
