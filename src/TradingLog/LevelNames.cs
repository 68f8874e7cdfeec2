using Serilog.Events;

namespace TradingLog;

/// <summary>Maps the design's level names (DEBUG, INFO, WARNING, ERROR, CRITICAL) to Serilog levels and back.</summary>
public static class LevelNames
{
    /// <summary>The names accepted in configuration, in severity order.</summary>
    public static IReadOnlyList<string> Known { get; } = ["TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

    private static readonly string[] Names = ["TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

    /// <summary>The design's name of a Serilog level: Information is INFO, Fatal is CRITICAL.</summary>
    public static string ToName(LogEventLevel level) => (uint)level < (uint)Names.Length ? Names[(int)level] : level.ToString().ToUpperInvariant();

    /// <summary>Parses a level name, case-insensitively. Loguru's and Serilog's spellings are accepted as aliases.</summary>
    public static bool TryParse(string? text, out LogEventLevel level)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TRACE" or "VERBOSE": level = LogEventLevel.Verbose; return true;
            case "DEBUG": level = LogEventLevel.Debug; return true;
            case "INFO" or "INFORMATION" or "SUCCESS": level = LogEventLevel.Information; return true;
            case "WARNING" or "WARN": level = LogEventLevel.Warning; return true;
            case "ERROR": level = LogEventLevel.Error; return true;
            case "CRITICAL" or "FATAL": level = LogEventLevel.Fatal; return true;
            default: level = default; return false;
        }
    }

    /// <summary>The Loguru severity number of a level (DEBUG 10, INFO 20, ...), used by <c>{level.no}</c>.</summary>
    public static int ToNumber(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => 5,
        LogEventLevel.Debug => 10,
        LogEventLevel.Information => 20,
        LogEventLevel.Warning => 30,
        LogEventLevel.Error => 40,
        _ => 50,
    };

}
