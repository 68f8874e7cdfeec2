namespace TradingLog.Configuration;

/// <summary>How often the active log file is rolled, independently of its size.</summary>
public enum RotationInterval
{
    /// <summary>Only the size limit rolls the file.</summary>
    Never,

    /// <summary>At the first write of each hour.</summary>
    Hourly,

    /// <summary>At the first write of each day (the design's <c>time: "daily"</c>).</summary>
    Daily,

    /// <summary>At the first write of each ISO week (weeks start on Monday).</summary>
    Weekly,

    /// <summary>At the first write of each month.</summary>
    Monthly,
}
