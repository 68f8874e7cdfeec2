using Npgsql;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Turns the failures a command can meet into one clear line on standard error and an exit code.</summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (BadOptionException e)
        {
            await Console.Error.WriteLineAsync("tradelog: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (TradingLogConfigurationException e)
        {
            await Console.Error.WriteLineAsync("tradelog: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (StoreNotReadyException e)
        {
            await Console.Error.WriteLineAsync("tradelog: " + e.Message);
            return ExitCodes.Failure;
        }
        catch (EmbeddedServerException e)
        {
            await Console.Error.WriteLineAsync("tradelog: embedded PostgreSQL: " + e.Message);
            return ExitCodes.Failure;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidRegularExpression)
        {
            // Only --regex hands PostgreSQL a pattern: its dialect decides, and its message says what it refused.
            await Console.Error.WriteLineAsync($"tradelog: --regex: PostgreSQL cannot use this pattern: {e.MessageText}");
            return ExitCodes.BadInput;
        }
        catch (PostgresException e)
        {
            // The server answered: it is reachable, and its own message says what went wrong.
            await Console.Error.WriteLineAsync($"tradelog: PostgreSQL refused the operation: {e.SqlState}: {SecretMasker.MaskConnectionString(e.MessageText)}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await Console.Error.WriteLineAsync("tradelog: the database cannot be reached: " + SecretMasker.MaskConnectionString(e.Message));
            return ExitCodes.Failure;
        }
    }
}
