using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Serilog.Events;

namespace TradingLog;

/// <summary>
/// The <see cref="LogProperties.Caller"/> property of each call site, made once and reused. Caller-info strings are
/// literals, so a call site always passes the same string instances: the lookup compares references, never text.
/// </summary>
internal static class CallSites
{
    // Generous for any code base; past it (names built at run time) a property is made per call instead of cached.
    private const int MaxCached = 65_536;

    private static readonly ConcurrentDictionary<Key, LogEventProperty> Cache = new();

    public static LogEventProperty Of(string member, string file, int line)
    {
        var key = new Key(member, file, line);
        if (Cache.TryGetValue(key, out var property))
        {
            return property;
        }

        property = new LogEventProperty(LogProperties.Caller, new ScalarValue(new CallSite(member, file, line)));
        return Cache.Count < MaxCached ? Cache.GetOrAdd(key, property) : property;
    }

    private readonly struct Key(string member, string file, int line) : IEquatable<Key>
    {
        private readonly string _member = member;
        private readonly string _file = file;
        private readonly int _line = line;

        public bool Equals(Key other) => ReferenceEquals(_file, other._file) && _line == other._line && ReferenceEquals(_member, other._member);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_file), _line, RuntimeHelpers.GetHashCode(_member));
    }
}
