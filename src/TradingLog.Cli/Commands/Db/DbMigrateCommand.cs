using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

namespace TradingLog.Cli.Commands.Db;

/// <summary><c>tradelog db migrate</c>: applies pending schema migrations and creates the partitions ahead. Idempotent.</summary>
internal sealed class DbMigrateCommand(IAnsiConsole console) : AsyncCommand<DatabaseCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var database = await LogDatabase.ConnectAsync(loaded.Settings, Directory.GetCurrentDirectory(), Notices.Write, cancellationToken);
            var applied = await StatusLine.Status().StartAsync("Migrating the log store…", _ => database.MigrateAsync(cancellationToken));
            await MaintenanceLog.AuditPreparedAsync(loaded.Settings, Directory.GetCurrentDirectory(), database, database.Embedded, applied, "db migrate");
            if (settings.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { applied }));
            }
            else
            {
                console.MarkupLine(applied.Count == 0
                    ? "The schema is up to date; partitions ahead are in place."
                    : $"Applied migrations {string.Join(", ", applied)}; partitions ahead are in place.");
            }

            return ExitCodes.Success;
        });
}
