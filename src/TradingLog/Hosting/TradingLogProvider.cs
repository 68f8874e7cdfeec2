using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace TradingLog.Hosting;

/// <summary>
/// The Microsoft.Extensions.Logging provider over the container's <see cref="TradingLogHost"/>. It resolves the host when
/// the logger factory first asks for a logger, not when it is registered; the container disposes the host itself.
/// </summary>
internal sealed class TradingLogProvider(TradingLogHost host) : ILoggerProvider, ISupportExternalScope
{
    private readonly SerilogLoggerProvider _inner = new(host.SerilogLogger, dispose: false);

    public ILogger CreateLogger(string categoryName) => _inner.CreateLogger(categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _inner.SetScopeProvider(scopeProvider);

    public void Dispose() => _inner.Dispose();
}
