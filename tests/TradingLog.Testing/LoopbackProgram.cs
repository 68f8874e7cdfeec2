using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;

namespace TradingLog.Testing;

/// <summary>
/// A real server program a test starts on loopback (Prometheus, Alertmanager): started with its arguments, its output
/// kept for the failure message, ready once its readiness URL answers 2xx; killed, with its folder deleted, when disposed.
/// </summary>
public sealed class LoopbackProgram : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempFolder _folder;
    private readonly ConcurrentQueue<string> _output = new();

    private LoopbackProgram(Process process, TempFolder folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>What the program wrote to standard output and error so far.</summary>
    public string Output => string.Join("\n", _output);

    /// <summary>
    /// Starts <paramref name="binary"/> (failing the test with the Debian package to install when it is missing) and waits
    /// until <paramref name="readyUrl"/> answers 2xx, at most <paramref name="seconds"/>. The program owns <paramref name="folder"/>.
    /// </summary>
    public static async Task<LoopbackProgram> StartAsync(string binary, string package, IEnumerable<string> arguments, string readyUrl,
        TempFolder folder, int seconds = 60)
    {
        Assert.True(File.Exists(binary), $"{binary} is missing: apt-get install {package} (scripts/prerequisites.sh does it as root)");
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var program = new LoopbackProgram(process, folder);
        process.ErrorDataReceived += (_, e) => program._output.Enqueue(e.Data ?? "");
        process.OutputDataReceived += (_, e) => program._output.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var ready = await http.GetAsync(readyUrl);
                return ready.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                Assert.False(process.HasExited, $"{Path.GetFileName(binary)} exited at start: {program.Output}");
                return false;
            }
        }, seconds, $"{Path.GetFileName(binary)} did not become ready");
        return program;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _folder.Dispose();
    }
}
