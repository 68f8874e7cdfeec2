namespace TradingLog.Patterns.Tests.Support;

/// <summary>
/// Grouping accuracy (Zhu et al., "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP 2019): a line counts as
/// right when the set of lines given its template equals the set given its true template.
/// </summary>
internal static class GroupingAccuracy
{
    public static double Of(IReadOnlyList<string> truth, IReadOnlyList<int> predicted)
    {
        var byTruth = Enumerable.Range(0, truth.Count).GroupBy(i => truth[i]).ToDictionary(g => g.Key, g => g.ToHashSet());
        var byPrediction = Enumerable.Range(0, predicted.Count).GroupBy(i => predicted[i]).ToDictionary(g => g.Key, g => g.ToHashSet());
        var right = 0;
        foreach (var (_, lines) in byTruth)
        {
            var found = byPrediction[predicted[lines.First()]];
            if (found.SetEquals(lines))
            {
                right += lines.Count;
            }
        }

        return (double)right / truth.Count;
    }
}
