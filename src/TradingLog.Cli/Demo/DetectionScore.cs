namespace TradingLog.Cli.Demo;

/// <summary>
/// How one kind of detection did on a labelled run: its alerts (attributed when they fired during an incident or just
/// after it), precision, the incidents it should have found and found, recall, and detection delays in seconds (from the
/// incident's start; for a forecast, from when the measured value crossed the threshold, negative when it fired before).
/// </summary>
internal sealed record DetectionScore(string Type, int Alerts, int Attributed, int Expected, int Detected, IReadOnlyList<double> Delays,
    string DelayMeaning)
{
    /// <summary>Attributed alerts over all alerts; null without alerts.</summary>
    public double? Precision => Alerts == 0 ? null : (double)Attributed / Alerts;

    /// <summary>Incidents found over incidents expected; null when none was expected.</summary>
    public double? Recall => Expected == 0 ? null : (double)Detected / Expected;
}
