using System.Diagnostics;
using System.Globalization;

namespace TradingLog.Correlation;

/// <summary>
/// The correlation ID of the current flow of work. An explicit scope (<see cref="Begin"/>) wins; without one, the
/// <c>correlation.id</c> baggage or the W3C trace ID of <see cref="Activity.Current"/> is used. The ID flows across
/// <c>await</c> and into tasks started inside the scope. Trades use their trade ID, so
/// <c>trading_logs.trade_id = system_logs.correlation_id</c> joins them.
/// </summary>
public static class CorrelationContext
{
    /// <summary>The HTTP header that carries the ID between services.</summary>
    public const string HeaderName = "X-Correlation-ID";

    /// <summary>The <see cref="Activity"/> baggage key that carries the ID where a trace does.</summary>
    public const string BaggageKey = "correlation.id";

    /// <summary>The longest ID kept; the database column is VARCHAR(100).</summary>
    public const int MaxLength = 100;

    private static readonly AsyncLocal<string?> Explicit = new();

    /// <summary>The ID in force: the innermost scope's, else the current activity's, else null.</summary>
    public static string? Current => Explicit.Value ?? FromActivity(Activity.Current);

    /// <summary>The ID set by the innermost <see cref="Begin"/> scope only.</summary>
    public static string? CurrentExplicit => Explicit.Value;

    /// <summary>Sets <paramref name="correlationId"/> for everything logged until the scope is disposed, including across <c>await</c>.</summary>
    public static IDisposable Begin(string correlationId)
    {
        var previous = Explicit.Value;
        Explicit.Value = Sanitize(correlationId);
        return new Scope(previous);
    }

    /// <summary>Begins a scope whose ID is the trade's ID, so that its system logs join its trading logs.</summary>
    public static IDisposable BeginTrade(string tradeId) => Begin(tradeId);

    /// <summary>The trade ID of a numbered trade, in the design's form: <c>trade_12345</c>.</summary>
    public static string TradeId(long number) => "trade_" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A new unique trade ID, <c>trade_</c> followed by a time-ordered hexadecimal ID.</summary>
    public static string NewTradeId() => NewId("trade");

    /// <summary>A new unique ID with a prefix, such as <c>req_0193f4...</c>; time-ordered, so IDs sort by creation.</summary>
    public static string NewId(string prefix = "req") => prefix + "_" + Guid.CreateVersion7().ToString("N");

    /// <summary>Makes an incoming ID safe to store: trimmed, control characters removed, at most <see cref="MaxLength"/> characters.</summary>
    public static string Sanitize(string correlationId)
    {
        var clean = string.Concat(correlationId.Trim().Where(c => !char.IsControl(c)));
        return clean.Length <= MaxLength ? clean : clean[..MaxLength];
    }

    /// <summary>The ID an activity carries: its <c>correlation.id</c> baggage, else its W3C trace ID, else null.</summary>
    public static string? FromActivity(Activity? activity)
    {
        if (activity is null)
        {
            return null;
        }

        if (activity.GetBaggageItem(BaggageKey) is { Length: > 0 } baggage)
        {
            return baggage;
        }

        return activity.IdFormat == ActivityIdFormat.W3C && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Explicit.Value = previous;
            }
        }
    }
}
