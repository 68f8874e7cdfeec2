using Serilog.Core;
using Serilog.Events;
using TradingLog.Correlation;

namespace TradingLog.Pipeline;

/// <summary>
/// Gives every event its service, its category (System unless set), its correlation ID (from
/// <see cref="CorrelationContext"/>) and, for Microsoft.Extensions.Logging events with a named EventId, its event type.
/// The service and category properties are made once and shared by every event.
/// </summary>
internal sealed class TradingLogEnricher(string service) : ILogEventEnricher
{
    private static readonly LogEventProperty SystemCategory = new(LogProperties.Category, new ScalarValue(nameof(LogCategory.System)));

    private readonly LogEventProperty _service = new(LogProperties.Service, new ScalarValue(service));

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        logEvent.AddPropertyIfAbsent(_service);
        logEvent.AddPropertyIfAbsent(SystemCategory);
        if (!logEvent.Properties.ContainsKey(LogProperties.CorrelationId) && CorrelationContext.Current is { } correlationId)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(LogProperties.CorrelationId, new ScalarValue(correlationId)));
        }

        if (!logEvent.Properties.ContainsKey(LogProperties.EventType)
            && logEvent.Properties.TryGetValue("EventId", out var eventId)
            && eventId is StructureValue structure)
        {
            foreach (var property in structure.Properties)
            {
                if (property is { Name: "Name", Value: ScalarValue { Value: string name } })
                {
                    logEvent.AddPropertyIfAbsent(new LogEventProperty(LogProperties.EventType, new ScalarValue(name)));
                }
            }
        }
    }
}
