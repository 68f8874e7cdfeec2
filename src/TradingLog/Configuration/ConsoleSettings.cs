using Serilog.Events;

namespace TradingLog.Configuration;

/// <summary>The <c>logging.console</c> section: the standard-error console sink.</summary>
public sealed class ConsoleSettings
{
    /// <summary>Default: the console sink is on.</summary>
    public const bool DefaultEnabled = true;

    /// <summary>Default: plain text, no ANSI colours.</summary>
    public const bool DefaultColored = false;

    /// <summary>Write events to standard error (<c>console.enabled</c>).</summary>
    public bool Enabled { get; set; } = DefaultEnabled;

    /// <summary>Colour the level and message by level with ANSI codes (<c>console.colored</c>).</summary>
    public bool Colored { get; set; } = DefaultColored;

    /// <summary>The console's own minimum level (<c>console.level</c>). Null follows the service's level.</summary>
    public LogEventLevel? Level { get; set; }
}
