using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Patterns.Assignment;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Cli.Commands.Patterns;

/// <summary>
/// <c>tradelog patterns [--since 1h] [--service S] [--new] [--json]</c>: the stored events' patterns per service, new
/// ones first and then by events, with first and last seen, their trend over the window and an example.
/// </summary>
internal sealed class PatternsCommand(IAnsiConsole console) : AsyncCommand<PatternsCommand.Settings>
{
    /// <summary>The window when --since is not given: an hour.</summary>
    public const string DefaultSince = "1h";

    /// <summary>Slices of the trend column.</summary>
    public const int TrendBuckets = 12;

    internal sealed class Settings : QueryCommandSettings
    {
        public Settings() => SinceText = DefaultSince;

        [CommandOption("--new")]
        [Description("Only patterns first seen within the window.")]
        public bool OnlyNew { get; init; }

        [CommandOption("--limit <N>")]
        [Description("The most patterns shown, 1 to 10000. Default: 100.")]
        public int Limit { get; init; } = 100;

        public override ValidationResult Validate() =>
            Limit is < 1 or > 10_000 ? ValidationResult.Error($"--limit: {Limit} is out of range; use 1 to 10000") : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, queries) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var read = queries;
            var to = DateTimeOffset.UtcNow;
            var patterns = await queries.PatternsAsync(to - settings.Window, to, settings.ServiceName, settings.OnlyNew, TrendBuckets, settings.Limit,
                cancellationToken);
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(patterns.Select(p => new
                {
                    pattern_id = PatternIds.Format(p.PatternId), p.Service, p.Template, p.Source, p.Events, p.FirstSeen, p.LastSeen,
                    is_new = p.IsNew, trend = p.Buckets, trend_direction = Direction(p), p.Example,
                }), ResultWriter.Json));
                return ExitCodes.Success;
            }

            var title = $"{(settings.OnlyNew ? "New patterns" : "Patterns")} since {settings.SinceText}" +
                (settings.ServiceName is { } service ? $" of {service}" : "");
            ResultWriter.Write(console, false, title, patterns,
                ("pattern", p => PatternIds.Format(p.PatternId)), ("service", p => p.Service), ("events", p => p.Events),
                ("first_seen", p => p.FirstSeen.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                ("last_seen", p => p.LastSeen.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                ("trend", p => Sparkline(p.Buckets) + " " + Direction(p)), ("template", p => Cut(p.Template, 80)),
                ("example", p => Cut(p.Example ?? "", 80)));
            return ExitCodes.Success;
        });

    /// <summary>The trend in one word: <c>new</c>, <c>rising</c>, <c>falling</c> or <c>steady</c> (last third against first third).</summary>
    internal static string Direction(PatternSummary pattern)
    {
        if (pattern.IsNew)
        {
            return "new";
        }

        var third = Math.Max(1, pattern.Buckets.Count / 3);
        double first = pattern.Buckets.Take(third).Sum();
        double last = pattern.Buckets.Skip(pattern.Buckets.Count - third).Sum();
        return last > 1.5 * first + 2 ? "rising" : first > 1.5 * last + 2 ? "falling" : "steady";
    }

    /// <summary>Counts as block characters, each scaled to the largest.</summary>
    internal static string Sparkline(IReadOnlyList<long> counts)
    {
        const string Blocks = "▁▂▃▄▅▆▇█";
        var max = counts.Count == 0 ? 0 : counts.Max();
        return string.Concat(counts.Select(c => c == 0 ? ' ' : Blocks[(int)Math.Min(Blocks.Length - 1, (c * Blocks.Length - 1) / Math.Max(1, max))]));
    }

    private static string Cut(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > length ? line[..(length - 1)] + "…" : line;
    }
}
