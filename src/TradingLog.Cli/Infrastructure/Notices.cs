namespace TradingLog.Cli.Infrastructure;

/// <summary>What TradingLog did on its own while running a command (started or repaired the embedded server), on standard error.</summary>
internal static class Notices
{
    public static void Write(string message) => Console.Error.WriteLine("tradelog: " + message);
}
