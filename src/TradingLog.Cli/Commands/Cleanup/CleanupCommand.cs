using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Retention;

namespace TradingLog.Cli.Commands.Cleanup;

/// <summary><c>tradelog cleanup [--dry-run] [--as-of TIMESTAMP]</c>: one cleanup now, with progress and a summary table.</summary>
internal sealed class CleanupCommand(IAnsiConsole console) : AsyncCommand<CleanupCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, CleanupCommandSettings settings, CancellationToken cancellationToken) =>
        settings.Action == "history"
            ? CleanupHistory.ListAsync(console, settings, cancellationToken)
            : CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var directory = Directory.GetCurrentDirectory();
            // A real cleanup starts the embedded server if it must (and says so); a dry run only reads, and starts nothing.
            var database = settings.DryRun
                ? await LogDatabase.ConnectRunningAsync(loaded.Settings, directory, cancellationToken)
                : await LogDatabase.ConnectAsync(loaded.Settings, directory, Notices.Write, cancellationToken);
            await using var logging = MaintenanceLog.Open(loaded.Settings, directory, database);
            MaintenanceLog.WritePrepared(logging, database.Embedded, [], "cleanup");
            var runner = new CleanupRunner(database, loaded.Settings, directory, logging.Logger.ForContext<CleanupRunner>());
            var request = new CleanupRequest { AsOf = settings.ParsedAsOf, DryRun = settings.DryRun };
            // A dry run only reads: its progress says what it is working out, not what it is doing.
            var doing = settings.DryRun ? "Dry run (nothing is changed), working out" : "Cleaning up";
            var report = await StatusLine.Status().StartAsync(doing + "…", status =>
                runner.RunAsync(request, new Progress<string>(step => status.Status($"{doing}: {Markup.Escape(step)}")), cancellationToken));

            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    run_id = report.RunId, status = report.Status, as_of = report.AsOf, dry_run = report.DryRun, error = report.Error,
                    rows_archived = report.RowsArchived, rows_purged = report.RowsPurged,
                    actions = report.Actions.Select(a => new { table = a.Table, kind = a.Kind, target = a.Target, rows = a.Rows, batches = a.Batches }),
                    files_archived = report.FilesArchived, files_deleted = report.FilesDeleted,
                }));
            }
            else
            {
                Print(report);
            }

            return report.Status is "failed" ? ExitCodes.Failure : ExitCodes.Success;
        });

    private void Print(CleanupReport report)
    {
        var title = report.DryRun ? "Dry run: nothing was changed" : $"Cleanup run {report.RunId}: {report.Status}";
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/] (rules as of {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
        if (report.Error is not null)
        {
            console.MarkupLine($"[red]{Markup.Escape(report.Error)}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Table", report.DryRun ? "Would" : "Did", "Partition / source", "Rows");
        foreach (var action in report.Actions)
        {
            table.AddRow(action.Table, action.Kind, action.Target, action.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (report.Actions.Count > 0)
        {
            console.Write(table);
        }

        var summary = new Table().Border(TableBorder.Simple).AddColumns("Summary", "Count");
        summary.AddRow("rows archived", report.RowsArchived.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("rows purged", report.RowsPurged.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("log files archived", report.FilesArchived.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddRow("log files deleted", report.FilesDeleted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(summary);
    }
}
