using Serilog.Events;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.PostgreSql.Tests.Queries;

public sealed class LogFilterSyntaxTests
{
    [Fact]
    public void TheIssuesExampleBecomesAServiceAMinimumLevelAPropertyAndText()
    {
        var filter = LogFilterSyntax.Parse("service:execution level>=WARNING symbol:AAPL \"timeout\"");

        Assert.Equal(["execution"], filter.Services);
        Assert.Equal(LogEventLevel.Warning, filter.MinimumLevel);
        Assert.Equal([new KeyValuePair<string, string>("symbol", "AAPL")], filter.Properties);
        Assert.Equal("timeout", filter.Text);
    }

    [Theory]
    [InlineData("level:ERROR", null, new[] { LogEventLevel.Error })]
    [InlineData("level=critical", null, new[] { LogEventLevel.Fatal })]
    [InlineData("level>=info", LogEventLevel.Information, new LogEventLevel[0])]
    [InlineData("level>INFO", LogEventLevel.Warning, new LogEventLevel[0])]
    [InlineData("level>=Warning", LogEventLevel.Warning, new LogEventLevel[0])]
    public void LevelsCompareWithTheDesignsNamesInAnyCase(string text, LogEventLevel? minimum, LogEventLevel[] exact)
    {
        var filter = LogFilterSyntax.Parse(text);

        Assert.Equal(minimum, filter.MinimumLevel);
        Assert.Equal(exact, filter.Levels ?? []);
    }

    [Fact]
    public void EveryFieldHasItsTerm()
    {
        var filter = LogFilterSyntax.Parse("service:Risk-Management,execution category:TRADING type:order.placed cid:trade_42 regex:\"time(out|d out)\" " +
            "Strategy=momentum \"two words\" plain");

        Assert.Equal(["risk_management", "execution"], filter.Services);
        Assert.Equal(LogCategory.Trading, filter.Category);
        Assert.Equal("order.placed", filter.EventType);
        Assert.Equal("trade_42", filter.CorrelationId);
        Assert.Equal("time(out|d out)", filter.Pattern);
        Assert.Equal([new KeyValuePair<string, string>("Strategy", "momentum")], filter.Properties);
        Assert.Equal("two words plain", filter.Text);
    }

    [Fact]
    public void QuotesKeepSpacesColonsAndEscapedQuotes()
    {
        var filter = LogFilterSyntax.Parse("note:\"a: b \\\"c\\\"\" \"http://x\"");

        Assert.Equal([new KeyValuePair<string, string>("note", "a: b \"c\"")], filter.Properties);
        Assert.Equal("http://x", filter.Text);
    }

    [Fact]
    public void TheTimeRangeAndArchiveFlagOfTheBaseFilterAreKept()
    {
        var from = DateTimeOffset.UtcNow.AddHours(-1);

        var filter = LogFilterSyntax.Parse("level:ERROR", new LogFilter { From = from, IncludeArchive = true });

        Assert.Equal(from, filter.From);
        Assert.True(filter.IncludeArchive);
    }

    [Theory]
    [InlineData("level>=LOUD", "unknown level 'LOUD' at position 1")]
    [InlineData("x \"open", "the quote at position 3 is not closed")]
    [InlineData("category:other", "unknown category 'other'")]
    [InlineData("service:", "'service:' at position 1 has no value")]
    [InlineData("symbol>=5", "only level compares")]
    [InlineData("service:execution pattern:xyz", "'xyz' at position 19 is not a pattern ID")]
    [InlineData("pattern:0", "'0' at position 1 is not a pattern ID")]
    [InlineData("pattern:fffffffffffffff", "is not a pattern ID")]
    public void AnUnreadableTermIsNamedWithItsPosition(string text, string says)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => LogFilterSyntax.Parse(text));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pattern:263084014fe5d")]
    [InlineData("pattern_id:263084014FE5D")]
    public void APatternTermIsItsIdAsTheCommandLineShowsIt(string text) =>
        Assert.Equal(TradingLog.Patterns.Assignment.PatternIds.Of("Order {OrderId} filled"), LogFilterSyntax.Parse(text).PatternId);

    [Fact]
    public void AnOverlongSearchIsRefused() =>
        Assert.Throws<FilterSyntaxException>(() => LogFilterSyntax.Parse(new string('a', LogFilterSyntax.MaxLength + 1)));
}
