using Serilog.Events;

namespace TradingLog.Formatting;

/// <summary>ANSI escape codes for Loguru's colour markup (<c>&lt;green&gt;</c>, <c>&lt;level&gt;</c>, ...) and the level colours.</summary>
internal static class AnsiStyle
{
    public const string Reset = "\u001b[0m";

    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["black"] = "30", ["k"] = "30", ["red"] = "31", ["r"] = "31", ["green"] = "32", ["g"] = "32",
        ["yellow"] = "33", ["y"] = "33", ["blue"] = "34", ["e"] = "34", ["magenta"] = "35", ["m"] = "35",
        ["cyan"] = "36", ["c"] = "36", ["white"] = "37", ["w"] = "37",
        ["light-black"] = "90", ["light-red"] = "91", ["light-green"] = "92", ["light-yellow"] = "93",
        ["light-blue"] = "94", ["light-magenta"] = "95", ["light-cyan"] = "96", ["light-white"] = "97",
        ["bold"] = "1", ["b"] = "1", ["dim"] = "2", ["d"] = "2", ["italic"] = "3", ["i"] = "3",
        ["underline"] = "4", ["u"] = "4", ["normal"] = "0", ["n"] = "0",
    };

    public static bool IsTag(string name) => name is "level" or "lvl" || Codes.ContainsKey(name);

    public static string Of(string tag, LogEventLevel level) =>
        tag is "level" or "lvl" ? OfLevel(level) : "\u001b[" + Codes[tag] + "m";

    public static string OfLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "\u001b[36;1m",
        LogEventLevel.Debug => "\u001b[34;1m",
        LogEventLevel.Information => "\u001b[1m",
        LogEventLevel.Warning => "\u001b[33;1m",
        LogEventLevel.Error => "\u001b[31;1m",
        _ => "\u001b[37;41;1m",
    };
}
