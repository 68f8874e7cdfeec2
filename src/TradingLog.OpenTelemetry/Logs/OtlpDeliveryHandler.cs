using Serilog.Core;
using TradingLog.Diagnostics;

namespace TradingLog.OpenTelemetry.Logs;

/// <summary>
/// Sits under the OTLP exporter's HTTP client: counts the records of every export the collector accepted (so that
/// <see cref="OtlpExportHealth.Pending"/> is exact), reports every failed attempt (which the exporter's batching retries
/// with backoff) to the pipeline's health, and bounds each attempt so that a collector that accepts connections
/// and never answers cannot hold the exporter, or a stop, for the HTTP client's default 100 s.
/// </summary>
internal sealed class OtlpDeliveryHandler : DelegatingHandler
{
    private readonly OtlpExportHealth _health;
    private readonly TradingLogHealth _pipeline;
    private readonly bool _grpc;
    private readonly TimeSpan _attemptTimeout;

    public OtlpDeliveryHandler(OtlpExportHealth health, TradingLogHealth pipeline, bool grpc, TimeSpan attemptTimeout)
    {
        _health = health;
        _pipeline = pipeline;
        _grpc = grpc;
        _attemptTimeout = attemptTimeout;
#pragma warning disable CA2000 // a DelegatingHandler disposes its inner handler
        InnerHandler = new SocketsHttpHandler();
#pragma warning restore CA2000
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var records = 0;
        try
        {
            if (request.Content is { } content)
            {
                // Buffered here; the exporter's content is then sent from the buffer.
                var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                records = Math.Max(0, OtlpRecordCounter.Count(body, _grpc));
            }
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // Not countable: sent anyway; what is not counted delivered is counted dropped once it is too old to be retried.
            Failed(0, "its request could not be read to count the records (" + e.Message + ")", e);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_attemptTimeout);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var late = new TimeoutException($"the OTLP endpoint did not answer within {_attemptTimeout.TotalSeconds:0} s", e);
            Failed(records, late.Message, late);
            throw late;
        }
        catch (Exception e)
        {
            Failed(records, e.Message, e);
            throw;
        }

        // gRPC errors come as HTTP 200 with a grpc-status header (a trailers-only response); success has it in the trailers.
        var grpcStatus = response.Headers.TryGetValues("grpc-status", out var values) ? values.FirstOrDefault() : null;
        if (response.IsSuccessStatusCode && grpcStatus is null or "0")
        {
            _health.AddDelivered(records);
        }
        else
        {
            Failed(records, grpcStatus is null ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" : $"gRPC status {grpcStatus}", null);
        }

        return response;
    }

    private void Failed(int records, string why, Exception? exception)
    {
        var message = $"OTLP export of {records} events to {_health.Endpoint} failed ({why.TrimEnd('.')}); it is retried with backoff";
        _health.Failed(message);
        _pipeline.OnLoggingFailed(this, LoggingFailureKind.Temporary, message, null, exception);
    }
}
