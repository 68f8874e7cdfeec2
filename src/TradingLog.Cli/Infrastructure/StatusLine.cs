using Spectre.Console;

namespace TradingLog.Cli.Infrastructure;

/// <summary>
/// Progress of a long step (spinners, progress bars), on standard error: standard output carries the command's result
/// alone, so that <c>tradelog stats --json | jq .</c> reads nothing else.
/// </summary>
internal static class StatusLine
{
    private static readonly IAnsiConsole Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static Status Status() => Error.Status();

    public static Spectre.Console.Progress Progress() => Error.Progress();
}
