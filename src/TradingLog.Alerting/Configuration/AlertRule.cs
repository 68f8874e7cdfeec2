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
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultReturnAfter = TimeSpan.FromHours(24);
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan DefaultAnomalyWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultForecastWindow = TimeSpan.FromHours(1);

    /// <summary>How many buckets a forecast's window is cut into when no step is given: 30.</summary>
    public const int DefaultForecastBuckets = 30;

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

    /// <summary>For <c>new_pattern</c>: how long a service logs before its new patterns count.</summary>
    public TimeSpan WarmUp { get; init; } = DefaultWarmUp;

    /// <summary>For <c>new_pattern</c>: the quiet after which a pattern's return counts; null to leave returns out.</summary>
    public TimeSpan? ReturnAfter { get; init; } = DefaultReturnAfter;

    /// <summary>For <c>anomaly</c>: how many robust spreads from the median make an anomaly (low 7, medium 5, high 3.5).</summary>
    public double Sensitivity { get; init; } = Patterns.Anomalies.RateAnomalyDetector.DefaultSensitivity;

    /// <summary>For <c>anomaly</c>: which departures count (<c>spike</c>, <c>drop</c> or <c>both</c>).</summary>
    public string AnomalyDirection { get; init; } = "both";

    /// <summary>For <c>forecast</c>: what is forecast (<c>error_rate</c>, <c>latency</c>, <c>table_size</c>).</summary>
    public string Metric { get; init; } = "error_rate";

    /// <summary>For <c>forecast</c>: how far ahead the trend must not cross the threshold.</summary>
    public TimeSpan Horizon { get; init; } = DefaultHorizon;

    /// <summary>For <c>forecast</c>: the value the current one must be past before a forecast can fire; null for half the threshold.</summary>
    public double? Gate { get; init; }

    /// <summary>For <c>forecast</c>: the bucket of the fitted series; null for the window / 30.</summary>
    public TimeSpan? Step { get; init; }

    /// <summary>For <c>forecast</c>: least squares (<c>linear</c>) or Holt's smoothing (<c>holt</c>).</summary>
    public Patterns.Forecasting.ForecastMethod Method { get; init; } = Patterns.Forecasting.ForecastMethod.Linear;

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
