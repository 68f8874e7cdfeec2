using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog tail [-f] [--service S] [--level WARNING] [--category Risk] [--grep TEXT]</c>: the newest logs, and new ones as they arrive.</summary>
internal sealed class TailCommand(IAnsiConsole console) : AsyncCommand<TailCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandOption("-f|--follow")]
        [Description("Keep printing new logs as they arrive, until Ctrl-C.")]
        public bool Follow { get; init; }

        [CommandOption("--service <SERVICE>")]
        [Description("Only this service.")]
        public string? Service { get; init; }

        [CommandOption("--level <LEVEL>")]
        [Description("Only this level and above: DEBUG, INFO, WARNING, ERROR, CRITICAL.")]
        public string? Level { get; init; }

        [CommandOption("--category <CATEGORY>")]
        [Description("Only this category: Trading, System, Performance, Strategy, Risk.")]
        public string? Category { get; init; }

        [CommandOption("--grep <TEXT>")]
        [Description("Only messages containing this text (case-insensitive).")]
        public string? Grep { get; init; }

        [CommandOption("-n|--lines <N>")]
        [Description("How many of the newest logs to show first. Default: 20.")]
        public int Lines { get; init; } = 20;

        public override ValidationResult Validate()
        {
            if (Level is not null && !LevelNames.TryParse(Level, out _))
            {
                return ValidationResult.Error($"--level: '{Level}' is not a level; use DEBUG, INFO, WARNING, ERROR or CRITICAL");
            }

            if (Category is not null && !Enum.TryParse<LogCategory>(Category, ignoreCase: true, out _))
            {
                return ValidationResult.Error($"--category: '{Category}' is not a category; use {string.Join(", ", Enum.GetNames<LogCategory>())}");
            }

            return Lines < 1 ? ValidationResult.Error("--lines must be at least 1") : base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, dataSource) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken);
            await using var source = dataSource;
            string[]? levels = null;
            if (settings.Level is not null && LevelNames.TryParse(settings.Level, out var minimum))
            {
                levels = [.. Enum.GetValues<Serilog.Events.LogEventLevel>().Where(l => l >= minimum).Select(LevelNames.ToName)];
            }

            var service = settings.Service is null ? null : TradingLogSettings.NormalizeServiceName(settings.Service);
            var category = settings.Category is null ? null : Enum.Parse<LogCategory>(settings.Category, ignoreCase: true).ToString();
            const string filter = """
                ($1::text IS NULL OR service = $1) AND ($2::text[] IS NULL OR level = ANY($2)) AND ($3::text IS NULL OR metadata->>'category' = $3)
                AND ($4::text IS NULL OR message ILIKE '%' || $4 || '%')
                """;
            var parameters = new object?[] { service, levels, category, settings.Grep };
            var newest = await AnalysisDatabase.QueryAsync(dataSource,
                $"SELECT * FROM (SELECT id, timestamp, service, level, event_type, message FROM system_logs WHERE {filter} ORDER BY id DESC LIMIT $5) n ORDER BY id",
                cancellationToken, [.. parameters, settings.Lines]);
            Print(settings.Json, newest);
            if (!settings.Follow)
            {
                return ExitCodes.Success;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            var last = newest.Count > 0 ? (long)newest[^1]["id"]! : 0L;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(500, stop.Token);
                    var fresh = await AnalysisDatabase.QueryAsync(dataSource,
                        $"SELECT id, timestamp, service, level, event_type, message FROM system_logs WHERE {filter} AND id > $5 ORDER BY id LIMIT 1000",
                        stop.Token, [.. parameters, last]);
                    Print(settings.Json, fresh);
                    if (fresh.Count > 0)
                    {
                        last = (long)fresh[^1]["id"]!;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });

    private void Print(bool json, List<Dictionary<string, object?>> rows)
    {
        foreach (var row in rows)
        {
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(row));
                continue;
            }

            var level = (string)row["level"]!;
            var colour = level switch { "ERROR" or "CRITICAL" => "red", "WARNING" => "yellow", "DEBUG" => "blue", _ => "default" };
            console.MarkupLine($"{ResultWriter.Format(row["timestamp"])} [{colour}]{level,-8}[/] {Markup.Escape((string)row["service"]!)}: {Markup.Escape(row["message"] as string ?? "")}");
        }
    }
}
