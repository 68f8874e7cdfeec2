using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace TradingLog.Alerting.Tests.Support;

/// <summary>
/// A real HTTP receiver on loopback (HttpListener) that records every request, and answers 503 to the first
/// <see cref="FailFirst"/> ones, as a receiver that is down does.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _requests;

    public WebhookReceiver(int failFirst = 0) : this(FreePort(), failFirst)
    {
    }

    private WebhookReceiver(int port, int failFirst)
    {
        FailFirst = failFirst;
        Port = port;
        Url = $"http://127.0.0.1:{Port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>A receiver on a port chosen before (one a sender was already told about).</summary>
    public static WebhookReceiver OnPort(int port) => new(port, 0);

    public int Port { get; }
    public string Url { get; }
    public int FailFirst { get; set; }

    /// <summary>Requests answered 2xx, in arrival order.</summary>
    public ConcurrentQueue<Received> Accepted { get; } = new();

    /// <summary>The idempotency key of every request, answered or refused, in arrival order.</summary>
    public ConcurrentQueue<string?> Keys { get; } = new();

    /// <summary>Every request, answered or refused.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The alerts of every accepted TradingLog payload as (rule, status, service).</summary>
    public List<(string Rule, string Status, string? Service)> Alerts() =>
        Accepted.SelectMany(r =>
        {
            using var document = JsonDocument.Parse(r.Body);
            return document.RootElement.GetProperty("alerts").EnumerateArray()
                .Select(a => (a.GetProperty("rule").GetString()!, a.GetProperty("status").GetString()!,
                    a.GetProperty("labels").TryGetProperty("service", out var s) ? s.GetString() : null))
                .ToList();
        }).ToList();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            Keys.Enqueue(context.Request.Headers["Idempotency-Key"]);
            var n = Interlocked.Increment(ref _requests);
            if (n <= FailFirst)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                Accepted.Enqueue(new Received(body, context.Request.Headers["Idempotency-Key"], context.Request.Headers["X-TradingLog-Signature"],
                    DateTimeOffset.UtcNow));
                context.Response.StatusCode = 200;
            }

            context.Response.Close();
        }
    }

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop;
    }

    public sealed record Received(string Body, string? IdempotencyKey, string? Signature, DateTimeOffset At);
}
