namespace TradingLog.Dashboard.Tests.Support;

/// <summary>The tests that read the demo's store through the dashboard: one store and one server for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class DemoStoreCollection : ICollectionFixture<DemoStore>
{
    public const string Name = "demo store";
}
