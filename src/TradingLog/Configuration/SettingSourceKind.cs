namespace TradingLog.Configuration;

/// <summary>Where an effective setting came from, in rising precedence.</summary>
internal enum SettingSourceKind
{
    /// <summary>TradingLog's built-in default (the design's value).</summary>
    Default,

    /// <summary><c>logging.yaml</c>.</summary>
    BaseFile,

    /// <summary><c>logging.{Environment}.yaml</c>.</summary>
    EnvironmentFile,

    /// <summary>An environment variable such as <c>TRADINGLOG_DATABASE__BATCH_SIZE</c>.</summary>
    EnvironmentVariable,

    /// <summary>A command-line option such as <c>--set database.batch_size=500</c>.</summary>
    CommandLine,
}
