using System.Diagnostics;
using Xunit;

namespace TradingLog.Testing;

/// <summary>
/// Runs the real <c>tradelog</c> program in a child process, as a user or a script would (the test project references
/// TradingLog.Cli, so its build sits beside the tests). TradingLog's environment variables of the test run are removed.
/// </summary>
public static class Tradelog
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        RunWithin(TimeSpan.FromSeconds(60), workingDirectory, environment, args);

    public static Result RunWithin(TimeSpan timeout, string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TradingLog.Cli.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TRADINGLOG_", StringComparison.Ordinal) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"tradelog {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0} s");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
