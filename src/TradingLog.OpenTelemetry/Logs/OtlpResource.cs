using TradingLog.Configuration;

namespace TradingLog.OpenTelemetry.Logs;

/// <summary>The resource attributes of a service's OTLP records: OpenTelemetry's semantic conventions, then the configured ones.</summary>
internal static class OtlpResource
{
    /// <summary>One per process, so that two processes of a service are told apart.</summary>
    private static readonly string InstanceId = Guid.NewGuid().ToString();

    public static Dictionary<string, object> For(string service, string? environment, OtlpSettings settings)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["service.name"] = service,
            ["service.namespace"] = OtlpSettings.DefaultServiceNamespace,
            ["service.instance.id"] = InstanceId,
            ["host.name"] = Environment.MachineName,
            ["process.pid"] = (long)Environment.ProcessId,
            ["deployment.environment"] = string.IsNullOrEmpty(environment) ? "production" : environment.ToLowerInvariant(),
        };
        foreach (var (name, value) in settings.ResourceAttributes)
        {
            attributes[name] = value;
        }

        return attributes;
    }
}
