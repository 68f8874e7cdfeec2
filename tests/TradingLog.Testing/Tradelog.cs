using System.Diagnostics;

namespace TradingLog.Cli.Tests.Support;

/// <summary>Runs the real <c>tradelog</c> program in a child process, as a user or a script would.</summary>
public static class Tradelog
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
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
        Assert.True(process.WaitForExit(60_000), "tradelog did not finish");
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
