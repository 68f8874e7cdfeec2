using System.Diagnostics;
using TradingLog.Benchmarks.Reporting;
using TradingLog.Patterns.Mining;
using TradingLog.Patterns.Tests.Support;

namespace TradingLog.Benchmarks.Patterns;

/// <summary>
/// The template miner on TradingLog's own labelled evaluation set (<see cref="LabelledCorpus"/>, nine kinds of software,
/// default settings, no tuning per kind): grouping accuracy per kind, and throughput on one core (masking and mining,
/// best of several rounds after a warm-up).
/// </summary>
internal static class PatternBenchmark
{
    public static async Task<int> RunAsync(bool quick, string? output)
    {
        var perKind = quick ? 2_000 : 20_000;
        var corpus = LabelledCorpus.Generate(perKind);
        var report = new MarkdownReport(
            $"Template mining on the labelled set, {corpus.Count:N0} lines of 9 kinds ({(quick ? "quick" : "full")} mode, default settings, {DateTime.UtcNow:yyyy-MM-dd})",
            "kind", "true templates", "templates found", "grouping accuracy");
        var accuracies = new List<double>();
        foreach (var kind in corpus.GroupBy(l => l.Kind))
        {
            var miner = new TemplateMiner();
            var ids = kind.Select(l => miner.Add(l.Text).Id).ToList();
            var predicted = ids.Select(id => miner.Resolve(id).Id).ToList();
            var accuracy = GroupingAccuracy.Of(kind.Select(l => l.Template).ToList(), predicted);
            accuracies.Add(accuracy);
            report.Row($"{kind.Key}", $"{kind.Select(l => l.Template).Distinct().Count()}", $"{miner.Templates.Count()}", $"{accuracy:0.000}");
        }

        var texts = corpus.Select(l => l.Text).ToArray();
        var rounds = quick ? 3 : 7;
        var best = double.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var miner = new TemplateMiner();
            var clock = Stopwatch.StartNew();
            foreach (var text in texts)
            {
                miner.Add(text);
            }

            if (round > 0)
            {
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
        }

        var masking = double.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var text in texts)
            {
                _ = TokenMasker.Tokens(text);
            }

            if (round > 0)
            {
                masking = Math.Min(masking, clock.Elapsed.TotalSeconds);
            }
        }

        report.Note($"Of which masking and splitting into tokens alone: {masking * 1e9 / texts.Length:N0} ns per line.");
        report.Note($"Mean grouping accuracy {accuracies.Average():0.000} (lowest {accuracies.Min():0.000}); Drain's published figure, tuned per source: about 0.87.");
        report.Note($"Throughput, one thread, all {texts.Length:N0} lines mixed, best of {rounds} rounds: {texts.Length / best:N0} lines/s ({best * 1e9 / texts.Length:N0} ns per line).");
        await report.PublishAsync(output);
        return 0;
    }
}
