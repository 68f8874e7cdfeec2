using Serilog.Events;

namespace TradingLog.Configuration;

/// <summary>One entry of <c>logging.services</c>: a service's own level and file.</summary>
public sealed class ServiceSettings
{
    /// <summary>The service's minimum level. Null inherits <c>logging.level</c>.</summary>
    public LogEventLevel? Level { get; set; }

    /// <summary>The service's own file. Null means <c>logs/{service}.log</c>.</summary>
    public string? File { get; set; }
}
