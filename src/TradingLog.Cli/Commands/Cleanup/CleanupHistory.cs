using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Retention;

namespace TradingLog.Cli.Commands.Cleanup;

/// <summary><c>tradelog cleanup history</c>: recent runs from <c>tradelog_maintenance_runs</c>.</summary>
internal static class CleanupHistory
{
    public static Task<int> ListAsync(IAnsiConsole console, CleanupCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var database = await LogDatabase.ConnectRunningAsync(loaded.Settings, Directory.GetCurrentDirectory(), cancellationToken);
            await database.MigrateAsync(cancellationToken);
            var runs = await MaintenanceRuns.RecentAsync(database.ReaderConnectionString, settings.Limit, cancellationToken);
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(runs));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("Run", "Started (UTC)", "Took", "Status", "Trigger", "Attempt", "Archived", "Purged", "Files", "Error");
            foreach (var run in runs)
            {
                var took = run.FinishedAt is { } f ? $"{(f - run.StartedAt).TotalSeconds:0.0} s" : "";
                var status = run.Status switch { "succeeded" => "[green]succeeded[/]", "failed" => "[red]failed[/]", _ => Markup.Escape(run.Status) };
                table.AddRow(run.Id.ToString(CultureInfo.InvariantCulture),
                    run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    took, status, run.Trigger, run.Attempt.ToString(CultureInfo.InvariantCulture),
                    run.RowsArchived.ToString("N0", CultureInfo.InvariantCulture), run.RowsPurged.ToString("N0", CultureInfo.InvariantCulture),
                    run.FilesHandled.ToString(CultureInfo.InvariantCulture), Markup.Escape(run.Error ?? ""));
            }

            console.Write(runs.Count == 0 ? new Markup("No cleanup has run yet.\n") : table);
            return ExitCodes.Success;
        });
}
