using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Serilog.Events;
using Serilog.Parsing;

namespace TradingLog;

/// <summary>
/// Binds a call's arguments to its template's properties straight into the event's property dictionary, sized once
/// for the properties the pipeline adds. Serilog's binder makes a property object per argument and a dictionary that
/// grows twice before the event is enriched; a queued event keeps what it allocated, so this is what the garbage
/// collector moves while the database catches up.
/// </summary>
/// <remarks>
/// Only what Serilog itself would turn into a plain <see cref="ScalarValue"/> is bound here: named properties without
/// <c>@</c> or <c>$</c>, one argument each, whose values are null, strings, primitives, enums or Serilog's built-in
/// scalar types. Serilog's default capturing does no more than wrap these (string length limits apply to <c>@</c> only),
/// so the event is the same. Anything else returns false and the caller uses Serilog's binder.
/// </remarks>
internal static class TemplateBinder
{
    // Room for what the pipeline adds to a bound event: service, category, caller and correlation ID.
    private const int EnrichedProperties = 4;

    // Templates are literals, so a call site passes the same instance every time: the lookup compares references.
    // Templates built at run time miss every time; past this many the binder leaves new ones to Serilog's binder,
    // whose cache compares text.
    private const int MaxCached = 4_096;

    private static readonly ConcurrentDictionary<string, Template> Cache = new(ReferenceEqualityComparer.Instance);
    private static readonly MessageTemplateParser Parser = new();

    /// <summary>The parsed template and, when every property can be bound here, their names in argument order.</summary>
    private sealed class Template(MessageTemplate parsed, string[]? names)
    {
        public MessageTemplate Parsed { get; } = parsed;

        public string[]? Names { get; } = names;
    }

    /// <summary>Binds <paramref name="args"/> when it can; false leaves the call to Serilog's binder.</summary>
    public static bool TryBind(string text, object?[]? args, [NotNullWhen(true)] out MessageTemplate? parsed,
        [NotNullWhen(true)] out Dictionary<string, LogEventPropertyValue>? properties)
    {
        parsed = null;
        properties = null;
        var count = args?.Length ?? 0;
        if (Lookup(text) is not { Names: { } names } template || names.Length != count || !AllScalar(args))
        {
            return false;
        }

        parsed = template.Parsed;
        properties = NewProperties(count);
        for (var i = 0; i < count; i++)
        {
            properties.Add(names[i], new ScalarValue(args![i]));
        }

        return true;
    }

    /// <summary>An event's property dictionary for <paramref name="bound"/> properties, with room for the enrichers' ones.</summary>
    public static Dictionary<string, LogEventPropertyValue> NewProperties(int bound) => new(bound + EnrichedProperties);

    private static Template? Lookup(string text)
    {
        if (Cache.TryGetValue(text, out var template))
        {
            return template;
        }

        return Cache.Count < MaxCached ? Cache.GetOrAdd(text, Parse) : null;
    }

    private static Template Parse(string text)
    {
        var parsed = Parser.Parse(text);
        var names = new List<string>();
        foreach (var token in parsed.Tokens)
        {
            if (token is not PropertyToken property)
            {
                continue;
            }

            if (property.IsPositional || property.Destructuring != Destructuring.Default || names.Contains(property.PropertyName))
            {
                return new Template(parsed, null);
            }

            names.Add(property.PropertyName);
        }

        return new Template(parsed, [.. names]);
    }

    private static bool AllScalar(object?[]? args)
    {
        if (args is null)
        {
            return true;
        }

        foreach (var arg in args)
        {
            if (!IsScalar(arg))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The values Serilog's default capturing keeps as they are, without consulting any policy.</summary>
    private static bool IsScalar(object? value) => value switch
    {
        null or string or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Uri or DateOnly or TimeOnly => true,
        _ => value.GetType() is { IsPrimitive: true } or { IsEnum: true },
    };
}
