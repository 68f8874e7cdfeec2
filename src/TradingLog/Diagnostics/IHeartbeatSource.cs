namespace TradingLog.Diagnostics;

/// <summary>
/// A component that adds its figures to each heartbeat (<see cref="HealthEvents.Heartbeat"/>), such as the database
/// sink's queue and spool. Publish it with <see cref="TradingLogPipelineContext.Publish{T}"/>.
/// </summary>
public interface IHeartbeatSource
{
    /// <summary>Adds this component's figures, named by <see cref="HealthEvents"/>' property names. Must not block or throw.</summary>
    /// <param name="values">The heartbeat's properties so far.</param>
    void Describe(IDictionary<string, object> values);
}
