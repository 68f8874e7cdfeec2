using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Commands.Db;

/// <summary><c>tradelog db stop</c>: stops the embedded server.</summary>
internal sealed class DbStopCommand(IAnsiConsole console) : AsyncCommand<DatabaseCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var server = new EmbeddedPostgres(loaded.Settings.Database.DataDirectory);
            await AuditStopAsync(loaded.Settings, cancellationToken);
            var stopped = await server.StopAsync(cancellationToken);
            console.MarkupLine(stopped ? "The embedded server is stopped." : "The embedded server was not running.");
            return ExitCodes.Success;
        });

    /// <summary>Recorded while the server still takes rows; a server that is not running, or has no log tables yet, has nothing to record.</summary>
    private static async Task AuditStopAsync(TradingLog.Configuration.TradingLogSettings settings, CancellationToken cancellationToken)
    {
        LogDatabase database;
        try
        {
            database = await LogDatabase.ConnectRunningAsync(settings, Directory.GetCurrentDirectory(), cancellationToken);
        }
        catch (EmbeddedServerException)
        {
            return;
        }

        await MaintenanceLog.AuditAsync(settings, Directory.GetCurrentDirectory(), database, AuditEvents.EmbeddedServerStopped,
            "Embedded PostgreSQL stopping (tradelog db stop) in {DataDirectory}",
            [database.Embedded?.DataDirectory ?? settings.Database.DataDirectory]);
    }
}
