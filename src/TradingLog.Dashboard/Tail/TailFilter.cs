using System.Text.RegularExpressions;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Tail;

/// <summary>
/// A <see cref="LogFilter"/> applied in memory to the events the shared poller found, with the same meaning as its SQL
/// (<c>FilterSql</c>): one browser's live filter. Regular expressions here are .NET's, ignoring case, bounded to 50 ms per event.
/// </summary>
internal sealed class TailFilter
{
    private readonly LogFilter _filter;
    private readonly HashSet<string>? _services;
    private readonly HashSet<string>? _levels;
    private readonly Regex? _pattern;

    public TailFilter(LogFilter filter)
    {
        _filter = filter;
        _services = filter.Services is { Count: > 0 } services ? services.ToHashSet(StringComparer.Ordinal) : null;
        var levels = new HashSet<string>(StringComparer.Ordinal);
        if (filter.Levels is { Count: > 0 } exact)
        {
            levels.UnionWith(exact.Select(LevelNames.ToName));
        }

        if (filter.MinimumLevel is { } minimum)
        {
            var atLeast = Enum.GetValues<Serilog.Events.LogEventLevel>().Where(l => l >= minimum).Select(LevelNames.ToName).ToHashSet(StringComparer.Ordinal);
            if (levels.Count == 0)
            {
                levels = atLeast;
            }
            else
            {
                levels.IntersectWith(atLeast);
            }

            _levels = levels;
        }
        else
        {
            _levels = levels.Count > 0 ? levels : null;
        }

        if (!string.IsNullOrEmpty(filter.Pattern))
        {
            try
            {
                _pattern = new Regex(filter.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException e)
            {
                throw new FilterSyntaxException($"regex: {e.Message}", 0);
            }
        }
    }

    public bool Matches(TailEvent e)
    {
        var entry = e.Entry;
        if ((_services is not null && !_services.Contains(entry.Service))
            || (_levels is not null && !_levels.Contains(entry.Level))
            || (_filter.Category is { } category && !string.Equals(e.Category, category.ToString(), StringComparison.Ordinal))
            || (_filter.EventType is { } type && !string.Equals(entry.EventType, type, StringComparison.Ordinal))
            || (_filter.CorrelationId is { } correlation && !string.Equals(entry.CorrelationId, correlation, StringComparison.Ordinal))
            || (!string.IsNullOrEmpty(_filter.Text) && !(entry.Message ?? "").Contains(_filter.Text, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (_filter.PropertyName is { } name && _filter.PropertyValue is { } value && !HasProperty(e, name, value, exactName: true))
        {
            return false;
        }

        foreach (var (propertyName, propertyValue) in _filter.Properties ?? [])
        {
            if (!HasProperty(e, propertyName, propertyValue, exactName: false))
            {
                return false;
            }
        }

        if (_pattern is null)
        {
            return true;
        }

        try
        {
            return _pattern.IsMatch(entry.Message ?? "");
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool HasProperty(TailEvent e, string name, string value, bool exactName)
    {
        if (e.Properties.TryGetValue(name, out var found) && found is not null)
        {
            return string.Equals(found, value, StringComparison.Ordinal);
        }

        if (exactName || name.Length == 0)
        {
            return false;
        }

        var capitalised = char.ToUpperInvariant(name[0]) + name[1..];
        return e.Properties.TryGetValue(capitalised, out found) && string.Equals(found, value, StringComparison.Ordinal);
    }
}
