using TradingLog.PostgreSql.Scheduling;

namespace TradingLog.PostgreSql.Tests.Scheduling;

public sealed class CleanupScheduleTests
{
    private static readonly CleanupSchedule DailyAt2InNewYork = new("0 2 * * *", "America/New_York");

    [Fact]
    public void DailyAtTwoIsTwoInTheConfiguredZone()
    {
        var next = DailyAt2InNewYork.NextAfter(DateTimeOffset.Parse("2026-11-27T12:00:00Z"))!.Value;
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T02:00:00-05:00"), next);
    }

    [Fact]
    public void SpringForwardSkipsTwoAmAndTheRunHappensAtThree()
    {
        // 2026-03-08: clocks jump from 02:00 to 03:00 in New York; 2 AM does not exist that day.
        var next = DailyAt2InNewYork.NextAfter(DateTimeOffset.Parse("2026-03-08T01:00:00-05:00"))!.Value;
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T03:00:00-04:00"), next);
        Assert.Equal(DateTimeOffset.Parse("2026-03-09T02:00:00-04:00"), DailyAt2InNewYork.NextAfter(next));
    }

    [Fact]
    public void FallBackRunsARepeatedTimeOnce()
    {
        // 2026-11-01: 01:30 happens twice in New York (EDT, then EST).
        var schedule = new CleanupSchedule("30 1 * * *", "America/New_York");
        var first = schedule.NextAfter(DateTimeOffset.Parse("2026-11-01T00:00:00-04:00"))!.Value;
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T01:30:00-04:00"), first);
        Assert.Equal(DateTimeOffset.Parse("2026-11-02T01:30:00-05:00"), schedule.NextAfter(first));
    }

    [Fact]
    public void TheLatestMissedOccurrenceIsFound()
    {
        var missed = DailyAt2InNewYork.LatestBetween(DateTimeOffset.Parse("2026-11-20T07:00:00Z"), DateTimeOffset.Parse("2026-11-27T12:00:00Z"));
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T02:00:00-05:00"), missed);
        Assert.Null(DailyAt2InNewYork.LatestBetween(DateTimeOffset.Parse("2026-11-27T07:00:00Z"), DateTimeOffset.Parse("2026-11-27T12:00:00Z")));
    }
}
