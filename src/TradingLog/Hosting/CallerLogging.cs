using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace TradingLog.Hosting;

/// <summary>
/// The target of the calls TradingLog's interceptors generate (package analyzer <c>TradingLog.CallSites</c>):
/// <c>logger.LogInformation(...)</c> becomes a call here that also carries the caller's type, member, file and line,
/// known at compile time. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CallerLogging
{
    /// <summary>Logs as <c>LoggerExtensions.Log</c> does, with the call site's properties added. Never throws.</summary>
    /// <param name="logger">The logger the call was made on.</param>
    /// <param name="level">The level.</param>
    /// <param name="eventId">The event ID (default: none).</param>
    /// <param name="exception">The exception, or null.</param>
    /// <param name="message">The message template, or null.</param>
    /// <param name="args">The template's values.</param>
    /// <param name="type">The calling type's full name.</param>
    /// <param name="member">The calling member.</param>
    /// <param name="file">The calling source file's path.</param>
    /// <param name="line">The calling line, 1-based.</param>
    public static void Log(ILogger logger, LogLevel level, EventId eventId, Exception? exception, string? message, object?[] args,
        string type, string member, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (logger is ForwardedCallerLogger forwarded)
        {
            // A helper logging for its caller: the site is the caller's, handed on by the helper; its type is not known.
            (logger, type, member, file, line) = (forwarded.Inner, "", forwarded.Member, forwarded.File, forwarded.Line);
        }

        if (!logger.IsEnabled(level))
        {
            return;
        }

        try
        {
            logger.Log(level, eventId, new CallerState(message ?? "[null]", args ?? [], type, member, file, line), exception, CallerState.Format);
        }
        catch (Exception e)
        {
            Serilog.Debugging.SelfLog.WriteLine("TradingLog could not log through ILogger: {0}", e);
        }
    }
}
