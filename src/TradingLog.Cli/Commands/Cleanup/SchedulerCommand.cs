using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Retention;
using TradingLog.PostgreSql.Scheduling;

namespace TradingLog.Cli.Commands.Cleanup;

/// <summary><c>tradelog scheduler</c>: runs cleanups on <c>cleanup_schedule</c> until stopped (Ctrl-C, SIGTERM).</summary>
internal sealed class SchedulerCommand(IAnsiConsole console) : AsyncCommand<DatabaseCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var directory = Directory.GetCurrentDirectory();
            var database = await LogDatabase.ConnectAsync(loaded.Settings, directory, Notices.Write, cancellationToken);
            await using var logging = TradingLogging.Configure("maintenance", o =>
            {
                o.Settings = loaded.Settings;
                o.WorkingDirectory = directory;
                o.FlushOnTermination = false;
                o.Extensions.Add(new PostgreSqlExtension { Connect = (_, _) => Task.FromResult(database) });
            });
            var runner = new CleanupRunner(database, loaded.Settings, directory, logging.Logger.ForContext<CleanupScheduler>());
            var schedule = new CleanupSchedule(loaded.Settings.Retention.CleanupSchedule, loaded.Settings.Retention.CleanupTimeZone);
            var scheduler = new CleanupScheduler(schedule, (request, ct) => runner.RunAsync(request, null, ct), database.MaintenanceConnectionString);
            scheduler.Ran += report => console.MarkupLine(
                $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z cleanup {Markup.Escape(report.Status)}: {report.RowsArchived:N0} rows archived, " +
                $"{report.RowsPurged:N0} purged" +
                (report.Error is null ? "" : $" ([red]{Markup.Escape(report.Error)}[/])"));

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            console.MarkupLine($"Scheduler running: [bold]{Markup.Escape(loaded.Settings.Retention.CleanupSchedule)}[/] " +
                $"in {Markup.Escape(schedule.Zone.Id)}; next run {schedule.NextAfter(DateTimeOffset.UtcNow):yyyy-MM-dd HH:mm:ss zzz}. Ctrl-C stops.");
            try
            {
                await scheduler.RunAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });
}
