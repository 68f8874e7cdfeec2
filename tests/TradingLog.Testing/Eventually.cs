using Xunit;

namespace TradingLog.Testing;

/// <summary>Waits on a condition instead of sleeping a fixed time: as short as the machine allows, failing after a bound.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms; fails the test when it is still false after <paramref name="seconds"/>.</summary>
    public static void True(Func<bool> condition, int seconds = 60, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what ?? "condition not met in time");
            Thread.Sleep(50);
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms; fails the test when it is still false after <paramref name="seconds"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds = 60, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what ?? "condition not met in time");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 50 ms without blocking a thread.</summary>
    public static Task TrueAsync(Func<bool> condition, int seconds = 60, string? what = null) =>
        TrueAsync(() => Task.FromResult(condition()), seconds, what);
}
