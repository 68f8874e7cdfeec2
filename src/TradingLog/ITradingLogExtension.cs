namespace TradingLog;

/// <summary>An extension point for packages that add sinks or enrichers to a service's pipeline, such as TradingLog.PostgreSql.</summary>
public interface ITradingLogExtension
{
    /// <summary>Adds to the pipeline being built.</summary>
    void Configure(TradingLogPipelineContext context);
}
