namespace TradingLog.Benchmarks.Charts;

/// <summary>One measured value: a contender's bar within a group (a case, a size, a query).</summary>
internal sealed record BarFigure(string Group, string Contender, double Value);
