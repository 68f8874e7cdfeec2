using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Analysis;

/// <summary><c>tail -f</c> rides out a lost connection: it says so once, reconnects and prints what was logged meanwhile and after.</summary>
public sealed class TailFollowTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public TailFollowTests()
    {
        var start = Tradelog.Run(_folder.Path, null, "db", "start");
        Assert.True(start.ExitCode == 0, start.Error);
    }

    public void Dispose()
    {
        Tradelog.Run(_folder.Path, null, "db", "stop");
        _folder.Dispose();
    }

    /// <summary>A running <c>tradelog tail -f --json</c> and everything it writes.</summary>
    private sealed class Tail : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _error = new();

        public Tail(string folder)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "TradingLog.Cli.dll"), "tail", "-f", "--service", "analytics", "--json" })
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TRADINGLOG_", StringComparison.Ordinal)).ToList())
            {
                info.Environment.Remove(name);
            }

            _process = Process.Start(info)!;
            _process.ErrorDataReceived += (_, e) =>
            {
                lock (_error)
                {
                    _error.AppendLine(e.Data);
                }
            };
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        /// <summary>Reads printed rows until one has <paramref name="message"/>; fails after 60 s or if the command ends.</summary>
        public async Task WaitForAsync(string message)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.True(line is not null, "tail ended: " + Error);
                if (JsonDocument.Parse(line).RootElement.GetProperty("message").GetString() == message)
                {
                    return;
                }
            }
        }

        public void Dispose()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
            _process.Dispose();
        }
    }

    private void Log(string message) => EmbeddedStore.Log(_folder.Path, "analytics", log => log.Info(message));

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task TailFollowGoesOnAfterTheServerIsStoppedForAWhileAndStartedAgain()
    {
        using var tail = new Tail(_folder.Path);
        Log("before the restart");
        await tail.WaitForAsync("before the restart");

        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "stop").ExitCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "start").ExitCode);
        Log("after the restart");
        Log("and one more");

        await tail.WaitForAsync("after the restart");
        await tail.WaitForAsync("and one more");
        Assert.False(tail.HasExited);
        Assert.Equal(1, Count(tail.Error, "lost the connection to the database"));
        Assert.Equal(1, Count(tail.Error, "reconnected to the database"));
    }

    [Fact]
    public async Task TailFollowGoesOnAfterItsBackendIsTerminated()
    {
        using var tail = new Tail(_folder.Path);
        Log("before the kill");
        await tail.WaitForAsync("before the kill");

        Assert.True(await EmbeddedStore.CountAsync(_folder.Path,
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tradelog-cli') t") > 0);
        Log("after the kill");

        await tail.WaitForAsync("after the kill");
        Assert.False(tail.HasExited);
        Assert.Equal(1, Count(tail.Error, "lost the connection to the database"));
    }
}
