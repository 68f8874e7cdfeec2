using System.Reflection;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests;

/// <summary>
/// Each package's public surface is listed in <c>docs/api/NAME.txt</c>; a change to it is a change to that file, made on
/// purpose. On a difference the test writes <c>NAME.received.txt</c> beside it, to compare or to copy over.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages => ["TradingLog", "TradingLog.PostgreSql", "TradingLog.AspNetCore", "TradingLog.Cli"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void ThePublicSurfaceIsTheListedOne(string package)
    {
        var assembly = Assembly.Load(package);
        var listed = Path.Combine(Repository(), "docs", "api", package + ".txt");
        var actual = PublicApi.Of(assembly);
        var expected = File.Exists(listed) ? File.ReadAllText(listed).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (expected != actual)
        {
            File.WriteAllText(Path.ChangeExtension(listed, ".received.txt"), actual);
        }

        Assert.True(expected == actual,
            $"The public API of {package} differs from {listed}; see {Path.ChangeExtension(listed, ".received.txt")} and copy it over if the change is meant.");
    }

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TradingLog.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (TradingLog.slnx) was not found");
    }
}
