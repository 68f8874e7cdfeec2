using Microsoft.Extensions.Logging;

namespace TradingLog.Hosting;

/// <summary>
/// A logger that speaks for another call site: the one a helper was called from, handed on through caller-info
/// parameters (<see cref="TradingLoggerExtensions.ForCaller"/>). Intercepted calls on it carry that site instead of the
/// helper's own.
/// </summary>
internal sealed class ForwardedCallerLogger(ILogger inner, string member, string file, int line) : ILogger
{
    public ILogger Inner { get; } = inner;

    public string Member { get; } = member;

    public string File { get; } = file;

    public int Line { get; } = line;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => Inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => Inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Inner.Log(logLevel, eventId, state, exception, formatter);
}
