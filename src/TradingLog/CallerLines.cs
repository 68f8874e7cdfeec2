using Serilog.Events;

namespace TradingLog;

/// <summary>Shared <see cref="ScalarValue"/>s for source line numbers, so that an enabled call does not box its line.</summary>
internal static class CallerLines
{
    private static readonly ScalarValue[] Cache = [.. Enumerable.Range(0, 4096).Select(i => new ScalarValue(i))];

    public static ScalarValue Of(int line) => (uint)line < (uint)Cache.Length ? Cache[line] : new ScalarValue(line);
}
