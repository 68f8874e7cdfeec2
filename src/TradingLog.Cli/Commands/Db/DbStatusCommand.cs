using System.Text.Json;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Commands.Db;

/// <summary><c>tradelog db status</c>: which server is used, whether it answers, and its connection string with the password masked.</summary>
internal sealed class DbStatusCommand(IAnsiConsole console) : AsyncCommand<DatabaseCommandSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DatabaseCommandSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var loaded = settings.Load();
            if (loaded.Settings.Database.ConnectionString is { } configured)
            {
                var reachable = await ReachableAsync(configured, cancellationToken);
                Write(console, settings.Json, "configured", reachable, SecretMasker.MaskConnectionString(configured), null);
                return reachable ? ExitCodes.Success : ExitCodes.Failure;
            }

            var info = await new EmbeddedPostgres(loaded.Settings.Database.DataDirectory).StatusAsync(cancellationToken);
            if (info is null)
            {
                Write(console, settings.Json, "embedded", false, null, loaded.Settings.Database.DataDirectory);
                return ExitCodes.Failure;
            }

            Print(console, info, settings.Json);
            return info.Running ? ExitCodes.Success : ExitCodes.Failure;
        });

    internal static void Print(IAnsiConsole console, EmbeddedServerInfo info, bool json) =>
        Write(console, json, "embedded", info.Running, SecretMasker.MaskConnectionString(info.ConnectionString()), info.DataDirectory);

    private static void Write(IAnsiConsole console, bool json, string kind, bool running, string? connection, string? dataDirectory)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { server = kind, running, connection_string = connection, data_directory = dataDirectory }));
            return;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]Server[/]", kind);
        grid.AddRow("[bold]State[/]", running ? "[green]running[/]" : "[red]not running[/]");
        grid.AddRow("[bold]Connection[/]", Markup.Escape(connection ?? "(never started: run tradelog db start)"));
        if (dataDirectory is not null)
        {
            grid.AddRow("[bold]Data directory[/]", Markup.Escape(dataDirectory));
        }

        console.Write(grid);
    }

    private static async Task<bool> ReachableAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            return false;
        }
    }
}
