using Serilog;
using Serilog.Events;
using TradingLog.Tests.Support;

namespace TradingLog.Tests;

public sealed class TemplateBinderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<object?> ScalarValues() =>
    [
        42, 1.5d, 100.25m, "AAPL", null, true, 'x', 7L, LogEventLevel.Warning, Guid.Parse("0191a2b3-c4d5-7e6f-8091-a2b3c4d5e6f7"),
        new DateTime(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc), new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(1)),
        TimeSpan.FromMilliseconds(15), new Uri("https://exchange.example/orders"), new DateOnly(2026, 11, 27), new TimeOnly(9, 30),
    ];

    [Theory]
    [MemberData(nameof(ScalarValues))]
    public void ScalarArgumentsAreBoundAsSerilogBindsThem(object? value)
    {
        using var serilog = new LoggerConfiguration().Destructure.ToMaximumStringLength(3).CreateLogger();
        Assert.True(serilog.BindMessageTemplate("Order {OrderId} filled", [value], out _, out var expected));

        Assert.True(TemplateBinder.TryBind("Order {OrderId} filled", [value], out var parsed, out var properties));

        Assert.Equal("Order {OrderId} filled", parsed.Text);
        var property = Assert.Single(expected);
        Assert.Equal(property.Name, Assert.Single(properties.Keys));
        Assert.Equal(property.Value, properties[property.Name]);
    }

    [Theory]
    [InlineData("Order {@Order} filled")]
    [InlineData("Order {$Order} filled")]
    [InlineData("Order {0} filled")]
    [InlineData("Order {Order} for {Order}")]
    public void TemplatesWithHintsPositionsOrRepeatedNamesAreLeftToSerilog(string template)
    {
        Assert.False(TemplateBinder.TryBind(template, [1, 2], out _, out _));
        Assert.False(TemplateBinder.TryBind(template, [1], out _, out _));
    }

    [Fact]
    public void ObjectsAndMismatchedArgumentCountsAreLeftToSerilog()
    {
        Assert.False(TemplateBinder.TryBind("Order {Order} filled", [new { Id = 1 }], out _, out _));
        Assert.False(TemplateBinder.TryBind("Order {Order} filled", [1, 2], out _, out _));
        Assert.False(TemplateBinder.TryBind("Order {Order} filled", null, out _, out _));
        Assert.True(TemplateBinder.TryBind("No properties here", null, out _, out var none));
        Assert.Empty(none);
    }

    [Fact]
    public void EventsBoundEitherWayCarryTheSameProperties()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            host.Logger.Info("Order {OrderId} for {Symbol} filled at {Price}", 7, "AAPL", 100.25m);
            host.Logger.Info("Order {@Order} filled", new { OrderId = 7, Symbol = "AAPL" });
            host.Logger.Info("Order {0} for {1}", 7, "AAPL");
            host.Logger.Info("Order {OrderId} for {Symbol}", 7);
        }

        var fast = sink.Events[0];
        Assert.Equal("Order 7 for \"AAPL\" filled at 100.25", fast.RenderMessage());
        Assert.Equal(new ScalarValue(100.25m), fast.Properties["Price"]);
        Assert.Equal(new ScalarValue("execution"), fast.Properties[LogProperties.Service]);
        Assert.True(fast.Properties.ContainsKey(LogProperties.Caller));

        var structured = Assert.IsType<StructureValue>(sink.Events[1].Properties["Order"]);
        Assert.Equal(2, structured.Properties.Count);
        Assert.Equal(new ScalarValue("AAPL"), sink.Events[2].Properties["1"]);
        Assert.Equal(new ScalarValue(7), sink.Events[3].Properties["OrderId"]);
        Assert.False(sink.Events[3].Properties.ContainsKey("Symbol"));
        Assert.All(sink.Events, e => Assert.Equal(new ScalarValue("execution"), e.Properties[LogProperties.Service]));
    }

    [Fact]
    public void AnInfoCallWithThreeScalarsAllocatesLittleMoreThanTheEvent()
    {
        // No file and no console: the call alone, as the call-site benchmark's (b') case. Through Serilog's binder and a
        // growing dictionary it allocated 936 B; the event, its dictionary and three scalars are about 600 B.
        using var host = TestPipeline.Create("execution", _folder, settings =>
        {
            settings.Files.Main = settings.Files.Errors = settings.Files.System = settings.Files.Trades = settings.Files.Performance = "";
            settings.Services["execution"] = new TradingLog.Configuration.ServiceSettings { File = "" };
        });
        var log = host.Logger;
        const int calls = 10_000;
        for (var i = 0; i < calls; i++)
        {
            log.Info("Order {OrderId} for {Symbol} filled at {Price}", i, "AAPL", 100.25m);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            log.Info("Order {OrderId} for {Symbol} filled at {Price}", i, "AAPL", 100.25m);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
        Assert.InRange(perCall, 400, 700);
    }
}
