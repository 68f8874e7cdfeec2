using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingLog.OpenTelemetry.Tests.Otlp;

namespace TradingLog.OpenTelemetry.Tests.Support;

/// <summary>
/// An OTLP logs receiver on loopback, as a collector would be: gRPC (HTTP/2) on one port, http/protobuf on another
/// (<c>POST /v1/logs</c>). It decodes every request and keeps the records with their resource attributes.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, int grpcPort, int httpPort)
    {
        _app = app;
        GrpcEndpoint = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpEndpoint = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri GrpcEndpoint { get; }

    public Uri HttpEndpoint { get; }

    public ConcurrentQueue<(Dictionary<string, AnyValue> Resource, LogRecord Record)> Records { get; } = new();

    public ConcurrentQueue<IDictionary<string, string>> Headers { get; } = new();

    /// <summary>The metrics pushed to <c>POST /v1/metrics</c>: each metric's name with its resource's <c>service.name</c>.</summary>
    public ConcurrentQueue<(string Service, string Metric)> Metrics { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, grpcPort, o => o.Protocols = HttpProtocols.Http2);
            k.Listen(IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc();
        OtlpReceiver? receiver = null;
        builder.Services.AddSingleton(_ => new LogsEndpoint(r => receiver!.Keep(r)));
        var app = builder.Build();
        receiver = new OtlpReceiver(app, grpcPort, httpPort);
        app.MapGrpcService<LogsEndpoint>();
        app.MapPost("/v1/logs", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
            receiver.Keep(ExportLogsServiceRequest.Parser.ParseFrom(body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            await context.Response.Body.WriteAsync(new ExportLogsServiceResponse().ToByteArray());
        });
        app.MapPost("/v1/metrics", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = Otlp.Metrics.ExportMetricsServiceRequest.Parser.ParseFrom(body.ToArray());
            foreach (var resource in request.ResourceMetrics)
            {
                var service = resource.Resource.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "";
                foreach (var metric in resource.ScopeMetrics.SelectMany(s => s.Metrics))
                {
                    receiver.Metrics.Enqueue((service, metric.Name));
                }
            }

            context.Response.ContentType = "application/x-protobuf";
            await context.Response.Body.WriteAsync(new Otlp.Metrics.ExportMetricsServiceResponse().ToByteArray());
        });
        await app.StartAsync();
        return receiver;
    }

    private void Keep(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = resourceLogs.Resource.Attributes.ToDictionary(a => a.Key, a => a.Value);
            foreach (var record in resourceLogs.ScopeLogs.SelectMany(s => s.LogRecords))
            {
                Records.Enqueue((resource, record));
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class LogsEndpoint(Action<ExportLogsServiceRequest> keep) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            keep(request);
            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }
}
