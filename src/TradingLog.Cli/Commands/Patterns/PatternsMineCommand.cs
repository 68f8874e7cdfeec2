using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Patterns.Mining;

namespace TradingLog.Cli.Commands.Patterns;

/// <summary>
/// <c>tradelog patterns mine FILE [--assignments OUT.csv] [--json]</c>: mines any text file, one message per line, with
/// the default settings, and prints the templates found with their counts; <c>--assignments</c> writes a CSV with the
/// header <c>line,template_id,template</c> and one row per input line (<c>line</c> counts from 1). This interface is how
/// the miner's accuracy is measured: keep it exactly.
/// </summary>
internal sealed class PatternsMineCommand(IAnsiConsole console) : AsyncCommand<PatternsMineCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The text file to mine, one message per line (UTF-8).")]
        public string File { get; init; } = "";

        [CommandOption("--assignments <OUT.csv>")]
        [Description("Also write each line's template: a CSV with the header line,template_id,template (line counts from 1).")]
        public string? Assignments { get; init; }

        [CommandOption("--json")]
        [Description("Print the templates as JSON instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            !System.IO.File.Exists(File)
                ? ValidationResult.Error(Directory.Exists(File) ? $"FILE: {File} is a folder, not a file" : $"FILE: {File} does not exist")
                : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var miner = new TemplateMiner();
            var assigned = new List<int>();
            using (var reader = new StreamReader(settings.File, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    assigned.Add(miner.Add(line).Id);
                }
            }

            if (settings.Assignments is { } output)
            {
                // Written after mining: a line's template is the one its cluster ended as (merged, wildcards and all).
                await using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false));
                await writer.WriteLineAsync("line,template_id,template");
                for (var i = 0; i < assigned.Count; i++)
                {
                    var cluster = miner.Resolve(assigned[i]);
                    await writer.WriteLineAsync(
                        $"{(i + 1).ToString(CultureInfo.InvariantCulture)},{cluster.Id.ToString(CultureInfo.InvariantCulture)},{Csv(cluster.Template)}");
                }
            }

            var templates = miner.Templates.OrderByDescending(c => c.Count).ThenBy(c => c.Id).ToList();
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    Lines = assigned.Count,
                    Templates = templates.Select(c => new { c.Id, c.Count, c.Template, c.Example }),
                }, ResultWriter.Json));
                return ExitCodes.Success;
            }

            ResultWriter.Write(console, false, $"{templates.Count:N0} templates in {assigned.Count:N0} lines of {settings.File}", templates,
                ("template_id", c => c.Id), ("count", c => c.Count), ("template", c => c.Template));
            return ExitCodes.Success;
        });

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled.</summary>
    internal static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
