using System.Diagnostics;
using System.Globalization;
using Serilog.Events;

namespace TradingLog.Formatting;

/// <summary>Reads the fields a log line shows from a <see cref="LogEvent"/>'s properties.</summary>
internal static class EventFields
{
    public const string Unknown = "-";

    private static readonly DateTimeOffset ProcessStart = Process.GetCurrentProcess().StartTime;

    public static string ProcessName { get; } = Process.GetCurrentProcess().ProcessName;

    public static int ProcessId { get; } = Environment.ProcessId;

    public static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } v } ? v.ToString() : null;

    public static string Name(LogEvent e) =>
        Text(e, LogProperties.CallerType) ?? Text(e, LogProperties.SourceContext) ?? Text(e, LogProperties.Service) ?? "root";

    /// <summary>The call site of a <see cref="TradingLogger"/> event; null for events that carry the three caller properties or none.</summary>
    public static CallSite? CallSiteOf(LogEvent e) =>
        e.Properties.TryGetValue(LogProperties.Caller, out var value) && value is ScalarValue { Value: CallSite site } ? site : null;

    /// <summary>The calling member, or null when the event has no caller info.</summary>
    public static string? Member(LogEvent e) => CallSiteOf(e)?.Member ?? Text(e, LogProperties.CallerMember);

    /// <summary>The calling line, or null when the event has no caller info.</summary>
    public static string? LineNumber(LogEvent e) => CallSiteOf(e)?.LineText ?? Text(e, LogProperties.CallerLine);

    /// <summary>The calling line as a number (no parsing for a <see cref="TradingLogger"/> event), or null when there is none.</summary>
    public static long? LineValue(LogEvent e) =>
        CallSiteOf(e) is { } site ? site.Line
        : long.TryParse(Text(e, LogProperties.CallerLine), NumberStyles.Integer, CultureInfo.InvariantCulture, out var line) ? line : null;

    /// <summary>The calling source file's path, or null when the event has no caller info.</summary>
    public static string? SourceFile(LogEvent e) => CallSiteOf(e)?.File ?? Text(e, LogProperties.CallerFile);

    public static string Function(LogEvent e) => Member(e) ?? Unknown;

    public static string Line(LogEvent e) => LineNumber(e) ?? Unknown;

    public static string FilePath(LogEvent e) => SourceFile(e) ?? Unknown;

    /// <summary>The calling source file's name without its folder, or null when the event has no caller info.</summary>
    public static string? SourceFileName(LogEvent e) =>
        CallSiteOf(e)?.FileName ?? (Text(e, LogProperties.CallerFile) is { } path ? Path.GetFileName(path) : null);

    public static string FileName(LogEvent e) => SourceFileName(e) ?? Unknown;

    public static string Module(LogEvent e) =>
        CallSiteOf(e)?.Module ?? (Text(e, LogProperties.CallerFile) is { } path ? Path.GetFileNameWithoutExtension(path) : Name(e));

    public static TimeSpan Elapsed(LogEvent e) => e.Timestamp - ProcessStart;

    /// <summary>Finds an extra property by its name as written, or in PascalCase (<c>correlation_id</c> finds <c>CorrelationId</c>).</summary>
    public static LogEventPropertyValue? Extra(LogEvent e, string key)
    {
        if (e.Properties.TryGetValue(key, out var value))
        {
            return value;
        }

        var pascal = string.Concat(key.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return e.Properties.GetValueOrDefault(pascal);
    }
}
