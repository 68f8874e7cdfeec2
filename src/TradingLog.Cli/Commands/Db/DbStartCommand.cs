using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Commands.Db;

/// <summary><c>tradelog db start</c>: initialises and starts the embedded server (or says that a server is configured).</summary>
internal sealed class DbStartCommand(IAnsiConsole console) : AsyncCommand<DatabaseCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            if (loaded.Settings.Database.ConnectionString is { } configured)
            {
                console.MarkupLine($"A server is configured ({Markup.Escape(SecretMasker.MaskConnectionString(configured))}); there is nothing to start.");
                return ExitCodes.Success;
            }

            var info = await StatusLine.Status().StartAsync("Starting the embedded PostgreSQL server…",
                _ => new EmbeddedPostgres(loaded.Settings.Database.DataDirectory, Notices.Write).StartAsync(cancellationToken));
            // A started store is a ready one: its schema is in place, and what was done is in the audit trail.
            var database = await LogDatabase.ConnectRunningAsync(loaded.Settings, Directory.GetCurrentDirectory(), cancellationToken);
            var applied = await database.MigrateAsync(cancellationToken);
            await MaintenanceLog.AuditPreparedAsync(loaded.Settings, Directory.GetCurrentDirectory(), database, info, applied, "db start");

            DbStatusCommand.Print(console, info, settings.Json);
            return ExitCodes.Success;
        });
}
