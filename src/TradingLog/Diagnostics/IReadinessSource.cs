namespace TradingLog.Diagnostics;

/// <summary>
/// A published pipeline component (<see cref="TradingLogPipelineContext.Publish{T}"/>) that can say the service is not
/// fit to take traffic, such as a database sink whose server is away while its spool grows. Read by <c>/health/ready</c>.
/// </summary>
public interface IReadinessSource
{
    /// <summary>Why the service should not be considered ready now, in words a person acts on; null when it is fine.</summary>
    /// <param name="now">The current time (UTC).</param>
    string? NotReadyBecause(DateTimeOffset now);
}
