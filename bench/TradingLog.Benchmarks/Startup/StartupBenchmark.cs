using System.Diagnostics;
using TradingLog.Benchmarks.Reporting;

namespace TradingLog.Benchmarks.Startup;

/// <summary>
/// How long a <c>tradelog</c> command takes from the shell's point of view: process start to exit, for <c>--help</c> and
/// for <c>stats --json</c> against a running embedded server, run directly and through the launcher script, side by side.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(bool quick, string? output)
    {
        var root = Repository();
        var dll = Path.Combine(root, "src", "TradingLog.Cli", "bin", "Release", "net10.0", "TradingLog.Cli.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"build the command line first: dotnet build -c Release src/TradingLog.Cli ({dll} is missing)");
            return 1;
        }

        var script = Path.Combine(root, "scripts", "tradelog");
        var runs = quick ? 5 : 20;
        var folder = Directory.CreateTempSubdirectory("tradelog-startup-").FullName;
        try
        {
            Require(await RunAsync(folder, "dotnet", [dll, "db", "start"]), "db start");
            Require(await RunAsync(folder, "dotnet", [dll, "db", "migrate"]), "db migrate");
            var report = new MarkdownReport($"`tradelog` start-up, {runs} runs each (process start to exit, wall clock)",
                "command", "median ms", "p90 ms", "min ms");
            foreach (var (name, program, args) in new (string, string, string[])[]
                     {
                         ("dotnet TradingLog.Cli.dll --help", "dotnet", [dll, "--help"]),
                         ("scripts/tradelog --help (the launcher's path)", "bash", [script, "--help"]),
                         ("dotnet TradingLog.Cli.dll stats --json", "dotnet", [dll, "stats", "--json"]),
                         ("scripts/tradelog stats --json", "bash", [script, "stats", "--json"]),
                     })
            {
                var times = new List<double>();
                await RunAsync(folder, program, args); // warm the file cache
                for (var i = 0; i < runs; i++)
                {
                    var (exit, elapsed) = await RunAsync(folder, program, args);
                    Require((exit, elapsed), name);
                    times.Add(elapsed.TotalMilliseconds);
                }

                times.Sort();
                report.Row($"`{name}`", $"{times[times.Count / 2]:N0}", $"{times[(int)(times.Count * 0.9)]:N0}", $"{times[0]:N0}");
            }

            report.Note($"Target: `--help` under 500 ms. The launcher adds a staleness check (one `find`) and no build when nothing changed.");
            await report.PublishAsync(output);
            return 0;
        }
        finally
        {
            await RunAsync(folder, "dotnet", [dll, "db", "stop"]);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Require((int Exit, TimeSpan Elapsed) result, string what)
    {
        if (result.Exit != 0)
        {
            throw new InvalidOperationException($"{what} exited with {result.Exit}");
        }
    }

    private static async Task<(int Exit, TimeSpan Elapsed)> RunAsync(string folder, string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TRADELOG_NO_LAUNCHER"] = "1"; // measure the command, not the one-time install
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        await drain;
        return (process.ExitCode, clock.Elapsed);
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
