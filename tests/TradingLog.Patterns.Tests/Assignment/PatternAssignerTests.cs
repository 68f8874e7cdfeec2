using TradingLog.Patterns.Assignment;

namespace TradingLog.Patterns.Tests.Assignment;

public sealed class PatternAssignerTests
{
    [Fact]
    public void AMessageTemplateWithHolesIsItsOwnPatternWithoutMining()
    {
        var assigner = new PatternAssigner();
        var a = assigner.Assign("Order {OrderId} filled", hasHoles: true, "Order 1 filled");
        var b = assigner.Assign("Order {OrderId} filled", hasHoles: true, "Order 2 filled");
        Assert.Equal(a, b);
        Assert.Equal((PatternIds.Of("Order {OrderId} filled"), "Order {OrderId} filled", PatternSource.Template), (a.Id, a.Template, a.Source));
        Assert.Equal(0, assigner.MinedTemplates);
    }

    [Fact]
    public void FreeTextIsMinedAndAGeneralisedTemplateReplacesTheEarlierOne()
    {
        var assigner = new PatternAssigner();
        var first = assigner.Assign("Connected feed alpha to gateway", hasHoles: false, "Connected feed alpha to gateway");
        Assert.Empty(assigner.TakeReplacements());
        var second = assigner.Assign("Connected feed beta to gateway", hasHoles: false, "Connected feed beta to gateway");
        Assert.Equal("Connected feed <*> to gateway", second.Template);
        Assert.Equal(PatternSource.Mined, second.Source);
        Assert.Equal([new PatternReplacement(first.Id, second.Id)], assigner.TakeReplacements());
        Assert.Empty(assigner.TakeReplacements());
        var third = assigner.Assign("Connected feed gamma to gateway", hasHoles: false, "Connected feed gamma to gateway");
        Assert.Equal(second.Id, third.Id);
        Assert.Empty(assigner.TakeReplacements());
    }

    [Fact]
    public void TemplatesMergedAcrossBranchesAreAllReplacedByTheMergedOne()
    {
        var assigner = new PatternAssigner();
        var ids = new[] { "AAPL", "MSFT", "NVDA" }.Select(s => assigner.Assign("", false, $"Quote {s} stale, dropping it").Id).ToList();
        var replaced = assigner.TakeReplacements();
        Assert.Equal(ids[2], replaced.Select(r => r.By).Distinct().Single());
        Assert.Equal(ids.Take(2).Order(), replaced.Select(r => r.Replaced).Order());
    }

    [Fact]
    public void OnlyTheFirstLineOfAMessageIsMined()
    {
        var assigner = new PatternAssigner();
        var a = assigner.Assign("", false, "Unhandled exception in worker 3\n   at Worker.Run() in Worker.cs:line 10");
        var b = assigner.Assign("", false, "Unhandled exception in worker 4\n   at Other.Frame()");
        Assert.Equal(a.Id, b.Id);
        Assert.Equal("Unhandled exception in worker <*>", b.Template);
    }

    [Theory]
    [InlineData("Order {OrderId} filled")]
    [InlineData("Connected feed <*> to gateway")]
    [InlineData("")]
    public void AnIdDependsOnTheTemplateOnlyIsPositiveAndFitsFiftyTwoBits(string template)
    {
        var id = PatternIds.Of(template);
        Assert.Equal(id, PatternIds.Of(new string(template.ToCharArray())));
        Assert.InRange(id, 1, PatternIds.Max);
        Assert.True(PatternIds.TryParse(PatternIds.Format(id), out var parsed));
        Assert.Equal(id, parsed);
    }

    [Fact]
    public void AnIdIsStableAcrossReleases()
    {
        // Stored IDs outlive the process that gave them: the function must never change.
        Assert.Equal("263084014fe5d", PatternIds.Format(PatternIds.Of("Order {OrderId} filled")));
    }
}
