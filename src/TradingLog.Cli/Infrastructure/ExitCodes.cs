namespace TradingLog.Cli.Infrastructure;

/// <summary>The exit codes of <c>tradelog</c>; scripts rely on them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command failed while running (database unreachable, I/O error).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or a bad configuration.</summary>
    public const int BadInput = 2;
}
