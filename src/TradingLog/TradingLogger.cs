using System.Diagnostics;
using System.Runtime.CompilerServices;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Parsing;
using TradingLog.Configuration;
using TradingLog.Performance;

namespace TradingLog;

/// <summary>
/// TradingLog's logging API for a service: level methods with caller info, typed trade and performance events, and
/// <see cref="Measure"/> scopes. Get one from <see cref="TradingLogHost"/> or by dependency injection. No method throws.
/// </summary>
public sealed partial class TradingLogger : IPerformanceEmitter
{
    private static readonly MessageTemplate TradeTemplate =
        new MessageTemplateParser().Parse(TypedEventFields.TradeTemplate);

    private static readonly MessageTemplate PerformanceTemplate =
        new MessageTemplateParser().Parse(TypedEventFields.PerformanceTemplate);


    private readonly Serilog.ILogger _logger;
    private readonly PerformanceSettings _performance;

    internal TradingLogger(Serilog.ILogger logger, PerformanceSettings performance)
    {
        _logger = logger;
        _performance = performance;
    }

    /// <summary>The Serilog logger underneath, for code that wants Serilog's own API.</summary>
    public Serilog.ILogger Serilog => _logger;

    /// <summary>Whether an event at <paramref name="level"/> would be written.</summary>
    public bool IsEnabled(LogEventLevel level) => _logger.IsEnabled(level);

    /// <summary>A logger whose events name <typeparamref name="T"/> as their source (<c>{name}</c> in the format).</summary>
    public TradingLogger ForContext<T>() => new(_logger.ForContext<T>(), _performance);

    /// <summary>A logger whose events name <paramref name="sourceContext"/> as their source.</summary>
    public TradingLogger ForContext(string sourceContext) =>
        new(_logger.ForContext(global::Serilog.Core.Constants.SourceContextPropertyName, sourceContext), _performance);

    /// <summary>A logger whose events carry <paramref name="category"/>.</summary>
    public TradingLogger ForCategory(LogCategory category) =>
        new(_logger.ForContext(LogProperties.Category, category.ToString()), _performance);

    /// <summary>A logger whose events carry an extra property.</summary>
    public TradingLogger WithProperty(string name, object? value) => new(_logger.ForContext(name, value, destructureObjects: false), _performance);

    /// <summary>Logs a trade with the columns of <c>trading_logs</c>, at ERROR when it has an error message, else INFO.</summary>
    public void Trade(in TradeRecord trade, LogEventLevel? level = null,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var effective = level ?? (trade.ErrorMessage is null ? LogEventLevel.Information : LogEventLevel.Error);
        if (!_logger.IsEnabled(effective))
        {
            return;
        }

        try
        {
            Dispatch(effective, null, TradeTemplate, ToProperties(TypedEventFields.Trade(trade)), member, file, line);
        }
        catch (Exception e)
        {
            SelfLog.WriteLine("TradingLog could not log a trade: {0}", e);
        }
    }

    /// <summary>Logs a performance measurement with the columns of <c>performance_logs</c>.</summary>
    public void Performance(in PerformanceRecord record, LogEventLevel level = LogEventLevel.Information,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        ((IPerformanceEmitter)this).EmitPerformance(record, level, member, file, line);

    /// <summary>
    /// Measures the block it is used with: <c>using (log.Measure("place_order")) { ... }</c> logs execution time,
    /// memory and CPU use as one Performance event. Costs nothing when <c>performance.enabled</c> is false.
    /// </summary>
    public PerformanceScope Measure(string operation,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        _performance.Enabled ? new PerformanceScope(this, _performance, operation, member, file, line) : PerformanceScope.Disabled;

    void IPerformanceEmitter.EmitPerformance(in PerformanceRecord record, LogEventLevel level, string member, string file, int line)
    {
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        try
        {
            Dispatch(level, null, PerformanceTemplate, ToProperties(TypedEventFields.Performance(record)), member, file, line);
        }
        catch (Exception e)
        {
            SelfLog.WriteLine("TradingLog could not log a performance event: {0}", e);
        }
    }

    /// <summary>Logs with any number of property values (the level methods take up to three). Never throws.</summary>
    [global::Serilog.Core.MessageTemplateFormatMethod("messageTemplate")]
    public void Write(LogEventLevel level, Exception? exception, string messageTemplate, object?[] propertyValues,
        [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(level))
        {
            WriteBound(level, exception, messageTemplate, propertyValues, member, file, line);
        }
    }

    /// <summary>Binds the template, adds caller info and writes the event. Never throws.</summary>
    internal void WriteBound(LogEventLevel level, Exception? exception, string messageTemplate, object?[]? args, string member, string file, int line)
    {
        if (messageTemplate is null)
        {
            return;
        }

        try
        {
            if (TemplateBinder.TryBind(messageTemplate, args, out var parsed, out var properties))
            {
                Dispatch(level, exception, parsed, properties, member, file, line);
                return;
            }

            if (!_logger.BindMessageTemplate(messageTemplate, args, out parsed, out var bound))
            {
                return;
            }

            properties = TemplateBinder.NewProperties(args?.Length ?? 0);
            foreach (var property in bound)
            {
                properties[property.Name] = property.Value;
            }

            Dispatch(level, exception, parsed, properties, member, file, line);
        }
        catch (Exception e)
        {
            SelfLog.WriteLine("TradingLog could not log {0}: {1}", messageTemplate, e);
        }
    }

    private void Dispatch(LogEventLevel level, Exception? exception, MessageTemplate template, Dictionary<string, LogEventPropertyValue> properties,
        string member, string file, int line)
    {
        if (member.Length > 0)
        {
            // One cached property per call site: nothing is allocated for caller info.
            var caller = CallSites.Of(member, file, line);
            properties[caller.Name] = caller.Value;
        }

        // The dictionary was sized for the enrichers' properties too, so it is never copied as it fills.
        var activity = Activity.Current;
        var logEvent = LogEvent.UnstableAssembleFromParts(DateTimeOffset.Now, level, exception, template, properties,
            activity?.TraceId ?? default, activity?.SpanId ?? default);
        _logger.Write(logEvent);
    }

    private static Dictionary<string, LogEventPropertyValue> ToProperties(List<KeyValuePair<string, object?>> fields)
    {
        var properties = TemplateBinder.NewProperties(fields.Count);
        foreach (var (name, value) in fields)
        {
            properties[name] = new ScalarValue(value);
        }

        return properties;
    }
}
