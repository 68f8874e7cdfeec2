namespace TradingLog.Cli.Demo;

/// <summary>How the orchestrator starts one demo service process.</summary>
internal sealed record DemoServiceOptions(string Service, string RunId, IReadOnlyDictionary<string, int> Ports, string SummaryFile,
    TradingLog.Configuration.TradingLogConfigurationOptions Configuration);
