using TradingLog.Patterns.Mining;
using TradingLog.Patterns.Tests.Support;

namespace TradingLog.Patterns.Tests.Mining;

public sealed class TemplateMinerTests
{
    [Fact]
    public void LinesOfOneTemplateWithDifferentVariablesShareIt()
    {
        var miner = new TemplateMiner();
        var a = miner.Add("Accepted password for root from 10.0.0.1 port 51234 ssh2");
        var b = miner.Add("Accepted password for alice from 192.168.7.20 port 40022 ssh2");
        Assert.Same(a, b);
        Assert.Equal("Accepted password for <*> from <*> port <*> ssh2", b.Template);
        Assert.Equal(2, b.Count);
    }

    [Fact]
    public void DifferentTemplatesStayApart()
    {
        var miner = new TemplateMiner();
        var opened = miner.Add("session opened for user root");
        var closed = miner.Add("session closed for user root");
        var placed = miner.Add("Placing order trade_20261130_7: BUY 30 AAPL");
        Assert.NotSame(opened, closed);
        Assert.Equal(3, miner.Clusters.Count);
        Assert.Equal("Placing order <*>: BUY <*> AAPL", placed.Template);
    }

    [Theory]
    [InlineData("at 2026-11-30T14:05:00.123Z took 12ms", "at <*> took <*>")]
    [InlineData("from 10.1.2.3:8080 id 9f1c2b3a-1111-4c2d-9e8f-0123456789ab", "from <*> id <*>")]
    [InlineData("wrote /var/log/app/trading.log and blk_-1608999687919862906", "wrote <*> and <*>")]
    [InlineData("memory 3.5GB at 0x7ffd1234 is 85%", "memory <*> at <*> is <*>")]
    [InlineData("log4j and utf8 stay words; v2 too", "log4j and utf8 stay words; v2 too")]
    public void TheUsualVariablesAreMasked(string message, string masked) => Assert.Equal(masked, TokenMasker.Mask(message));

    [Fact]
    public void OnTheLabelledSetTheGroupingAccuracyIsAboveDrainsTunedFigure()
    {
        var corpus = LabelledCorpus.Generate(2_000);
        var accuracy = new List<(string Kind, double Accuracy)>();
        foreach (var kind in corpus.GroupBy(l => l.Kind))
        {
            var miner = new TemplateMiner();
            var ids = kind.Select(l => miner.Add(l.Text).Id).ToList();
            var predicted = ids.Select(id => miner.Resolve(id).Id).ToList(); // the template each line's ended as
            accuracy.Add((kind.Key, GroupingAccuracy.Of(kind.Select(l => l.Template).ToList(), predicted)));
        }

        var mean = accuracy.Average(a => a.Accuracy);
        Assert.True(mean > 0.87, string.Join(", ", accuracy.Select(a => $"{a.Kind} {a.Accuracy:0.000}")) + $"; mean {mean:0.000}");
    }

    [Fact]
    public void ABranchTokenWithManyValuesBecomesAWildcardAndTwoValuesStayApart()
    {
        var miner = new TemplateMiner();
        var first = miner.Add("Tick AAPL 101.25").Id;
        miner.Add("Tick MSFT 402.10");
        var third = miner.Add("Tick NVDA 88.00");
        Assert.Equal("Tick <*> <*>", third.Template);
        Assert.Same(third, miner.Resolve(first));
        Assert.Same(third, miner.Add("Tick GOOG 140.00"));
        Assert.Single(miner.Templates, t => t.Template.StartsWith("Tick", StringComparison.Ordinal));
        Assert.Equal(4, third.Count);

        var opened = miner.Add("session opened for user root");
        var closed = miner.Add("session closed for user root");
        Assert.NotSame(opened, closed);
    }

    [Fact]
    public void MessagesBehindACommonHeaderAreNotAlikeForTheirSeparators()
    {
        var miner = new TemplateMiner();
        var order = miner.Add("2026-11-30 10:00:00.001 | INFO | Router:Route:12 | Order 42 placed for AAPL now");
        var cache = miner.Add("2026-11-30 10:00:00.002 | INFO | Cache:Warm:30 | Cache warmed in 5 ms total");
        var again = miner.Add("2026-11-30 10:00:01.500 | INFO | Router:Route:12 | Order 43 placed for MSFT now");
        Assert.NotSame(order, cache);
        Assert.Same(order, again);
    }
}
