namespace TradingLog.Dashboard;

/// <summary>
/// When the health page shows a service amber or red: silence (time since its newest event), error rate over the last
/// <see cref="Window"/>, and stale or failing sinks from its heartbeats.
/// </summary>
public sealed class HealthThresholds
{
    /// <summary>Default of <see cref="Window"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    /// <summary>Default of <see cref="SilenceAmber"/>: 1 minute.</summary>
    public static readonly TimeSpan DefaultSilenceAmber = TimeSpan.FromMinutes(1);

    /// <summary>Default of <see cref="SilenceRed"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultSilenceRed = TimeSpan.FromMinutes(5);

    /// <summary>Default of <see cref="ErrorRateAmberPercent"/>: 1 %.</summary>
    public const double DefaultErrorRateAmberPercent = 1;

    /// <summary>Default of <see cref="ErrorRateRedPercent"/>: 5 %.</summary>
    public const double DefaultErrorRateRedPercent = 5;

    /// <summary>The window event and error rates are measured over.</summary>
    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>A service silent this long is amber.</summary>
    public TimeSpan SilenceAmber { get; set; } = DefaultSilenceAmber;

    /// <summary>A service silent this long is red.</summary>
    public TimeSpan SilenceRed { get; set; } = DefaultSilenceRed;

    /// <summary>A service whose ERROR and CRITICAL events reach this share of its events (percent) is amber.</summary>
    public double ErrorRateAmberPercent { get; set; } = DefaultErrorRateAmberPercent;

    /// <summary>A service whose ERROR and CRITICAL events reach this share (percent) is red.</summary>
    public double ErrorRateRedPercent { get; set; } = DefaultErrorRateRedPercent;

    internal void Validate()
    {
        DashboardOptions.Check(Window >= TimeSpan.FromSeconds(10) && Window <= TimeSpan.FromDays(1), "Health.Window", "10 s to 1 day");
        DashboardOptions.Check(SilenceAmber > TimeSpan.Zero && SilenceAmber <= SilenceRed, "Health.SilenceAmber", "positive and at most SilenceRed");
        DashboardOptions.Check(ErrorRateAmberPercent is > 0 and <= 100 && ErrorRateAmberPercent <= ErrorRateRedPercent && ErrorRateRedPercent <= 100,
            "Health.ErrorRateAmberPercent", "above 0, at most ErrorRateRedPercent, and both at most 100");
    }
}
