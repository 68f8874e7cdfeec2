using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TradingLog.Dashboard.Hosting;

/// <summary>The dashboard's readiness: its log store answers (and, on a standby, how far it trails), or why it does not.</summary>
internal sealed class DashboardStoreHealthCheck(DashboardStore store) : IHealthCheck
{
    /// <summary>How long the store may take to answer before the dashboard counts as not ready.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Timeout);
        try
        {
            var queries = await store.QueriesAsync(bound.Token);
            var replication = await queries.ReplicationAsync(bound.Token);
            var data = new Dictionary<string, object> { ["standby"] = replication.IsStandby };
            if (replication.ReplayLag is { } lag)
            {
                data["replay_lag_seconds"] = lag.TotalSeconds;
                data["bytes_behind"] = replication.BytesBehind ?? 0;
            }

            return HealthCheckResult.Healthy(replication.IsStandby ? "the log store answers (a streaming standby)" : "the log store answers", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the log store cannot be reached: " + (e is OperationCanceledException
                ? $"no answer within {Timeout.TotalSeconds:0} s"
                : e.Message));
        }
    }
}
