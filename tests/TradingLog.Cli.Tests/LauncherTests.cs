using System.Diagnostics;

namespace TradingLog.Cli.Tests;

/// <summary>scripts/tradelog, the README's way in: after one run, <c>tradelog</c> is a command on PATH.</summary>
public sealed class LauncherTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();


    private (int ExitCode, string Output, string Error) Run(string program, params string[] args)
    {
        var bin = Path.Combine(_home.Path, ".local", "bin");
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _home.Path,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = _home.Path;
        info.Environment["PATH"] = bin + ":" + string.Join(':', (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Where(p => p != "/usr/local/bin" && !p.EndsWith("/.local/bin", StringComparison.Ordinal)));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), program + " did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void TheFirstRunInstallsATradelogCommandOnPathThatRunsThisCheckout()
    {
        var script = Path.Combine(Repository.Root, "scripts", "tradelog");
        Directory.CreateDirectory(Path.Combine(_home.Path, ".local", "bin"));

        var first = Run("bash", script, "--version");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("installed the 'tradelog' command as", first.Error, StringComparison.Ordinal);

        var launcher = Path.Combine(_home.Path, ".local", "bin", "tradelog");
        var help = Run(launcher, "--help");
        Assert.True(help.ExitCode == 0, help.Error);
        Assert.Contains("trace", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("installed", help.Error, StringComparison.Ordinal); // installed once

        // From a folder without a store or configuration of its own, it works on the checkout's (as the demo's hints assume).
        var config = Run(launcher, "config", "show", "--json");
        Assert.True(config.ExitCode == 0, config.Error);
        Assert.Equal("config/logging.yaml", System.Text.Json.JsonDocument.Parse(config.Output).RootElement.GetProperty("files")[0].GetString());
    }
}
