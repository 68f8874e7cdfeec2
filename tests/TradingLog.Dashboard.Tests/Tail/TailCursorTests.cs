using TradingLog.Dashboard.Tail;

namespace TradingLog.Dashboard.Tests.Tail;

public sealed class TailCursorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachIdIsDeliveredOnceInOrder()
    {
        var cursor = new TailCursor(10);

        Assert.Equal([11, 12, 13], cursor.Advance([13, 11, 12], Now));
        Assert.Empty(cursor.Advance([11, 12, 13], Now));
        Assert.Equal(13, cursor.Position);
    }

    [Fact]
    public void ABatchThatCommitsLateWithLowerIdsIsStillDelivered()
    {
        var cursor = new TailCursor(100);

        // Another process's batch holds 101-103 and commits after 104 and 105 are visible.
        Assert.Equal([104, 105], cursor.Advance([104, 105], Now));
        Assert.Equal([101, 102, 103], cursor.Gaps.Order());
        Assert.Equal([101, 102, 103], cursor.Advance([101, 102, 103, 104, 105], Now.AddSeconds(1)));
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void AGapThatNeverFillsIsGivenUpAfterThePatience()
    {
        var cursor = new TailCursor(0);
        cursor.Advance([5], Now);
        Assert.Equal(4, cursor.Gaps.Count);

        cursor.Advance([], Now + TailCursor.GapPatience + TimeSpan.FromSeconds(1));

        Assert.Empty(cursor.Gaps);
        Assert.Empty(cursor.Advance([3], Now + TailCursor.GapPatience * 2));
    }

    [Fact]
    public void GapsAreBounded()
    {
        var cursor = new TailCursor(0);

        cursor.Advance([TailCursor.MaxGaps * 3L], Now);

        Assert.True(cursor.Gaps.Count <= TailCursor.MaxGaps);
    }
}
