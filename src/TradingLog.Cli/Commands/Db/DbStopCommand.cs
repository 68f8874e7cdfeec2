using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Commands.Db;

/// <summary><c>tradelog db stop</c>: stops the embedded server.</summary>
internal sealed class DbStopCommand(IAnsiConsole console) : AsyncCommand<DatabaseCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            var stopped = await new EmbeddedPostgres(loaded.Settings.Database.DataDirectory).StopAsync(cancellationToken);
            console.MarkupLine(stopped ? "The embedded server is stopped." : "The embedded server was not running.");
            return ExitCodes.Success;
        });
}
