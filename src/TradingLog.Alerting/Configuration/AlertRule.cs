using TradingLog.PostgreSql.Queries;

namespace TradingLog.Alerting.Configuration;

/// <summary>One rule of the <c>alerts.rules</c> list, validated.</summary>
internal sealed record AlertRule
{
    public const double DefaultPercentile = 0.95;
    public const int DefaultMinEvents = 10;
    public const int DefaultMinSamples = 5;
    public const double DefaultFactor = 2;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultBaseline = TimeSpan.FromHours(1);

    public required string Name { get; init; }
    public required AlertRuleType Type { get; init; }

    /// <summary>Which events the rule looks at (service, category, minimum level, event type, text, regex, a metadata field).</summary>
    public LogFilter Scope { get; init; } = new();

    /// <summary>The service the scope names, when it names exactly one: the rule then has one alert, not one per service.</summary>
    public string? Service => Scope.Services is [var only] ? only : null;

    public TimeSpan Window { get; init; } = DefaultWindow;

    /// <summary>The value past which the condition is true; its unit depends on the type (share, events, milliseconds, factor).</summary>
    public double Threshold { get; init; }

    /// <summary>For <c>count</c>: fire when the count is below the threshold rather than above it.</summary>
    public bool Below { get; init; }

    public int MinEvents { get; init; } = DefaultMinEvents;
    public double Percentile { get; init; } = DefaultPercentile;
    public string? Operation { get; init; }
    public double Factor { get; init; } = DefaultFactor;
    public TimeSpan Baseline { get; init; } = DefaultBaseline;
    public string? Symbol { get; init; }
    public string? Strategy { get; init; }

    /// <summary>For <c>sink_health</c>: which signal (<c>any</c>, <c>spooled</c>, <c>dropped</c>, <c>dead_lettered</c>, <c>file_write_failures</c>).</summary>
    public string Signal { get; init; } = "any";

    public TimeSpan For { get; init; }
    public TimeSpan KeepFiringFor { get; init; }
    public string Severity { get; init; } = "warning";
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public string? Summary { get; init; }

    /// <summary>Receiver names; empty for every configured receiver.</summary>
    public IReadOnlyList<string> Receivers { get; init; } = [];

    /// <summary>Where the rule is written (<c>config/logging.yaml line 40</c>), for messages.</summary>
    public string Source { get; init; } = "";
}
