namespace TradingLog.Alerting.Configuration;

/// <summary>The <c>alerts:</c> section, validated: engine timing, notification policy, receivers, inhibitions and rules.</summary>
internal sealed class AlertingSettings
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultGroupWait = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DefaultRepeatInterval = TimeSpan.FromHours(4);
    public static readonly TimeSpan DefaultResendInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultFlapWindow = TimeSpan.FromMinutes(10);
    public const int DefaultFlapTransitions = 6;
    public const int DefaultHistoryDays = 30;
    public static readonly IReadOnlyList<string> DefaultGroupBy = ["alertname", "service"];

    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = DefaultInterval;
    public IReadOnlyList<string> GroupBy { get; set; } = DefaultGroupBy;
    public TimeSpan GroupWait { get; set; } = DefaultGroupWait;
    public TimeSpan RepeatInterval { get; set; } = DefaultRepeatInterval;

    /// <summary>How often a firing alert is sent again to Alertmanager receivers, which resolve alerts that stop arriving.</summary>
    public TimeSpan ResendInterval { get; set; } = DefaultResendInterval;

    public TimeSpan FlapWindow { get; set; } = DefaultFlapWindow;
    public int FlapTransitions { get; set; } = DefaultFlapTransitions;
    public int HistoryDays { get; set; } = DefaultHistoryDays;

    /// <summary>The dashboard's address, for links in notifications (<c>http://host:5080/</c>); null for none.</summary>
    public Uri? DashboardUrl { get; set; }

    public Dictionary<string, AlertReceiver> Receivers { get; } = new(StringComparer.Ordinal);
    public List<InhibitRule> Inhibit { get; } = [];
    public List<AlertRule> Rules { get; } = [];

    /// <summary>The files the section was read from, in order.</summary>
    public List<string> Files { get; } = [];
}
