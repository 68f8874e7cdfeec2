using System.Diagnostics;
using System.Reflection;

namespace TradingLog.Cli.Demo;

/// <summary>
/// Finds the simulated trading system (<c>samples/TradingSystem</c>), which <c>tradelog demo</c> runs six times, and builds
/// it when its build is missing or older than its sources. The tool itself carries no ASP.NET Core: the sample is an
/// application of the checkout, found through <c>--sample</c> or the checkout this tool was built from.
/// </summary>
internal static class TradingSystemSample
{
    public const string AssemblyFile = "TradingLog.Samples.TradingSystem.dll";

    private static readonly string[] Libraries = ["TradingLog.dll", "TradingLog.PostgreSql.dll"];

    /// <summary>The path of the sample's built assembly, after building it if needed.</summary>
    /// <param name="sample">The <c>--sample</c> option: the sample's folder or project file; null for the built-in location.</param>
    /// <param name="notice">Where progress is reported (a build takes some seconds).</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <exception cref="InvalidOperationException">The sample cannot be found or does not build; the message says why.</exception>
    public static async Task<string> LocateAsync(string? sample, Action<string> notice, CancellationToken cancellationToken)
    {
        var project = ProjectOf(sample ?? Metadata("TradingSystemSample"))
            ?? throw new InvalidOperationException("the demo runs the TradingSystem sample of a TradingLog checkout (samples/TradingSystem), " +
                "and none was found" +
                (sample is null ? "; pass --sample with its folder" : $" at {sample}"));
        var configuration = Metadata("TradingSystemConfiguration") ?? "Release";
        var folder = Path.GetDirectoryName(project)!;
        var assembly = Path.Combine(folder, "bin", configuration, "net10.0", AssemblyFile);
        if (File.Exists(assembly) && !IsStale(folder, assembly))
        {
            return assembly;
        }

        notice($"building the TradingSystem sample ({project})…");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "build", project, "-c", configuration, "--nologo", "-v", "quiet" })
        {
            info.ArgumentList.Add(arg);
        }

        using var build = Process.Start(info)!;
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = build.StandardError.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        return build.ExitCode == 0 && File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException($"the TradingSystem sample did not build (dotnet build {project}):\n{await output}{await error}");
    }

    /// <summary>The sample's folder (where its <c>alerts.yaml</c> is), as <see cref="LocateAsync"/> finds it.</summary>
    public static string? FolderOf(string? sample) =>
        ProjectOf(sample ?? Metadata("TradingSystemSample")) is { } project ? Path.GetDirectoryName(project) : null;

    private static string? ProjectOf(string? path) => path switch
    {
        null => null,
        _ when File.Exists(path) && path.EndsWith(".csproj", StringComparison.Ordinal) => Path.GetFullPath(path),
        _ when Directory.Exists(path) => Directory.GetFiles(path, "*.csproj").FirstOrDefault(),
        _ => null,
    };

    /// <summary>A build older than a source of the sample, or built against older TradingLog libraries than this tool's.</summary>
    private static bool IsStale(string folder, string assembly)
    {
        var built = File.GetLastWriteTimeUtc(assembly);
        if (Directory.EnumerateFiles(folder, "*.cs*", SearchOption.TopDirectoryOnly).Any(f => File.GetLastWriteTimeUtc(f) > built))
        {
            return true;
        }

        var bin = Path.GetDirectoryName(assembly)!;
        return Libraries.Any(library =>
            File.Exists(Path.Combine(AppContext.BaseDirectory, library)) && File.Exists(Path.Combine(bin, library))
            && File.GetLastWriteTimeUtc(Path.Combine(AppContext.BaseDirectory, library)) > File.GetLastWriteTimeUtc(Path.Combine(bin, library)));
    }

    private static string? Metadata(string key) =>
        typeof(TradingSystemSample).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
