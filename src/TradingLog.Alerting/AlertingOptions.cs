namespace TradingLog.Alerting;

/// <summary>Options of <see cref="AlertingHostingExtensions.AddTradingLogAlerting"/>.</summary>
public sealed class AlertingOptions
{
    /// <summary>
    /// The clock of evaluations and deliveries. Default: <see cref="TimeProvider.System"/>; tests pass one they control.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where problems a person must see are written (a rule that cannot be evaluated, a notification given up, the store
    /// unreachable), besides the System events logged for them. Default: standard error.
    /// </summary>
    public TextWriter? FailureOutput { get; set; } = Console.Error;
}
