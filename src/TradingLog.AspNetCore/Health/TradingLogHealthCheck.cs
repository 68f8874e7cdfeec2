using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingLog.Diagnostics;
using TradingLog.OpenTelemetry.Logs;

namespace TradingLog.AspNetCore.Health;

/// <summary>
/// Whether this service's logging can take traffic: unhealthy while a sink says it cannot (the database away while the
/// spool grows), degraded while files cannot be written or the OTLP export's queue is full, with the figures that say why.
/// </summary>
internal sealed class TradingLogHealthCheck(TradingLogHost host, TimeProvider? time = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var health = host.Health;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["service"] = host.Service,
            [HealthEvents.QueueDropped] = health.QueueDropped,
            [HealthEvents.FileWriteFailures] = health.FileWriteFailures,
            [HealthEvents.FileLinesDropped] = health.FileLinesDropped,
        };
        foreach (var source in host.Components<IHeartbeatSource>())
        {
            source.Describe(data);
        }

        if (health.LastError is { } lastError)
        {
            data["LastError"] = lastError;
            data["LastErrorAt"] = health.LastErrorAt?.ToString("O") ?? "";
        }

        var problems = host.Components<IReadinessSource>().Select(s => s.NotReadyBecause(now)).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(string.Join("; ", problems), data: data));
        }

        var warnings = new List<string>();
        if (health.UnwritableFiles is { Count: > 0 } files)
        {
            warnings.Add("cannot write " + string.Join(", ", files.Select(f => $"{f.Key} ({f.Value})")) + "; their lines are kept in memory");
        }

        if (host.Component<OtlpExportHealth>() is { } otlp && otlp.Pending >= otlp.QueueLimit)
        {
            warnings.Add($"the OTLP endpoint {otlp.Endpoint} is not taking events ({otlp.LastError}); new ones are dropped and counted");
        }

        return Task.FromResult(warnings.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", warnings), data: data)
            : HealthCheckResult.Healthy("logging works", data));
    }
}
