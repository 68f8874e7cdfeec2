using Serilog.Core;
using Serilog.Events;

namespace TradingLog.Pipeline;

/// <summary>Captures the managed thread ID at the call site; added only when the format shows <c>{thread}</c>.</summary>
internal sealed class ThreadEnricher : ILogEventEnricher
{
    public const string PropertyName = "ThreadId";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
        logEvent.AddPropertyIfAbsent(new LogEventProperty(PropertyName, new ScalarValue(Environment.CurrentManagedThreadId)));
}
