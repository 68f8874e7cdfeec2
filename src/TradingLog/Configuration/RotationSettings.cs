namespace TradingLog.Configuration;

/// <summary>The <c>logging.rotation</c> section: when active files roll, how long rolled files are kept, whether they are gzipped.</summary>
public sealed class RotationSettings
{
    /// <summary>Default size limit: 10 MB (Loguru's decimal megabytes, 10,000,000 bytes).</summary>
    public const long DefaultSizeLimitBytes = 10_000_000;

    /// <summary>Default interval: daily.</summary>
    public const RotationInterval DefaultInterval = RotationInterval.Daily;

    /// <summary>Default retention of rolled files: 30 days.</summary>
    public const int DefaultRetentionDays = 30;

    /// <summary>Default: rolled files are gzip-compressed.</summary>
    public const bool DefaultCompression = true;

    /// <summary>The active file rolls before a write would take it past this many bytes (<c>rotation.size</c>).</summary>
    public long SizeLimitBytes { get; set; } = DefaultSizeLimitBytes;

    /// <summary>The active file rolls at the first write of a new period (<c>rotation.time</c>).</summary>
    public RotationInterval Interval { get; set; } = DefaultInterval;

    /// <summary>Rolled files older than this are deleted (<c>rotation.retention</c>, alias <c>retention.file_retention_days</c>).</summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    /// <summary>Rolled files are gzip-compressed (<c>rotation.compression</c>).</summary>
    public bool Compression { get; set; } = DefaultCompression;
}
