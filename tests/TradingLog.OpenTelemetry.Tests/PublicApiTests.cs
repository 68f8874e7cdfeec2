namespace TradingLog.OpenTelemetry.Tests;

/// <summary>The package's public surface is the one listed in <c>docs/api/TradingLog.OpenTelemetry.txt</c>: a change to it is made on purpose.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void ThePublicSurfaceIsTheListedOne() => PublicApi.AssertListed(typeof(OpenTelemetryLoggingExtensions).Assembly);
}
