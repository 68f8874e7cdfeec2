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

    /// <summary>
    /// Starts a long-running command (<c>monitor</c>, <c>dashboard</c>) whose output lines are collected as they come;
    /// <see cref="Running.StopAsync"/> sends it SIGTERM, as <c>docker stop</c> would, and waits for its exit code.
    /// </summary>
    public static Running Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TradingLog.Cli.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TRADINGLOG_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        return new Running(Process.Start(info)!);
    }

    /// <summary>A running <c>tradelog</c> process and what it has printed so far.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _error = new();

        internal Running(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
            process.ErrorDataReceived += (_, e) => _error.Enqueue(e.Data ?? "");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output => string.Join("\n", _output);

        public string Error => string.Join("\n", _error);

        public bool HasExited => _process.HasExited;

        /// <summary>Sends SIGTERM and returns the exit code (the process is killed if it has not ended within 30 s).</summary>
        public async Task<int> StopAsync()
        {
            if (!_process.HasExited)
            {
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail("tradelog did not stop within 30 s of SIGTERM");
            }

            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
