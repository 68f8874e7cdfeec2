namespace TradingLog.Cli.Demo;

/// <summary>What one demo service reports when it stops: events per level and per table, and its log file.</summary>
internal sealed record ServiceSummary(string Service, Dictionary<string, long> Levels, Dictionary<string, long> Tables, string LogFile);
