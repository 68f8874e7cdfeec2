namespace TradingLog.Testing;

/// <summary>The checkout the tests run from: the folder above the test's output that holds <c>TradingLog.slnx</c>.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TradingLog.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (TradingLog.slnx) was not found");
    }
}
