namespace TradingLog.Configuration;

/// <summary>The <c>logging.files</c> section: the shared log files every service appends to.</summary>
public sealed class LogFileSettings
{
    /// <summary>Default path of the file that receives every event.</summary>
    public const string DefaultMain = "logs/trading.log";

    /// <summary>Default path of the file that receives ERROR and CRITICAL events.</summary>
    public const string DefaultErrors = "logs/errors.log";

    /// <summary>Default path of the file that receives System-category events.</summary>
    public const string DefaultSystem = "logs/system.log";

    /// <summary>Default path of the file that receives Trading-category events.</summary>
    public const string DefaultTrades = "logs/trades.log";

    /// <summary>Default path of the file that receives Performance-category events.</summary>
    public const string DefaultPerformance = "logs/performance.log";

    /// <summary>Every event of every service (<c>files.main</c>). Empty disables the file.</summary>
    public string Main { get; set; } = DefaultMain;

    /// <summary>ERROR and CRITICAL events (<c>files.errors</c>). Empty disables the file.</summary>
    public string Errors { get; set; } = DefaultErrors;

    /// <summary>System-category events (<c>files.system</c>). Empty disables the file.</summary>
    public string System { get; set; } = DefaultSystem;

    /// <summary>Trading-category events (<c>files.trades</c>). Empty disables the file.</summary>
    public string Trades { get; set; } = DefaultTrades;

    /// <summary>Performance-category events (<c>files.performance</c>). Empty disables the file.</summary>
    public string Performance { get; set; } = DefaultPerformance;
}
