namespace TradingLog.Configuration;

/// <summary>A configuration that TradingLog refuses to start with. The message names the file, the key and, where known, the line.</summary>
public sealed class TradingLogConfigurationException : Exception
{
    /// <summary>Creates the exception from one or more problems, each a full sentence naming its key and source.</summary>
    public TradingLogConfigurationException(IReadOnlyList<string> problems)
        : base(Compose(problems)) => Problems = problems;

    /// <summary>Creates the exception from one problem.</summary>
    public TradingLogConfigurationException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception from one problem and its cause.</summary>
    public TradingLogConfigurationException(string problem, Exception inner)
        : base(Compose([problem]), inner) => Problems = [problem];

    /// <summary>Each problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Compose(IReadOnlyList<string> problems) => problems.Count == 1
        ? "Invalid TradingLog configuration: " + problems[0]
        : "Invalid TradingLog configuration (" + problems.Count + " problems):" + Environment.NewLine
          + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
