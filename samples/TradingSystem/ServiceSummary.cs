namespace TradingSystem;

/// <summary>
/// What one demo service reports when it stops: events per level and per table, its log file, and the files it could not
/// write (full path → the operating system's error) with its count of failed file writes.
/// </summary>
internal sealed record ServiceSummary(string Service, Dictionary<string, long> Levels, Dictionary<string, long> Tables, string LogFile,
    Dictionary<string, string>? UnwritableFiles = null, long FileWriteFailures = 0);
