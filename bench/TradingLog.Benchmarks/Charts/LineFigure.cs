namespace TradingLog.Benchmarks.Charts;

/// <summary>A measurement over time, such as resident memory during an outage; X in seconds.</summary>
internal sealed record LineFigure(string Name, string Unit, IReadOnlyList<double> X, IReadOnlyList<double> Y);
