using System.Diagnostics;
using System.Globalization;

namespace TradingLog.PostgreSql.Tests.Support;

/// <summary>Starts <c>TradingLog.Tests.LogWriter</c> (a real service process) and sends it signals.</summary>
public static class LogWriterProcess
{
    public static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TradingLog.Tests.LogWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; the test project builds it");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, STOP, CONT…) to each process.</summary>
    public static async Task SignalAsync(string signal, params int[] pids)
    {
        using var kill = Process.Start("kill", ["-" + signal, .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        await kill.WaitForExitAsync();
    }

    /// <summary>The postmaster of the server in <paramref name="dataDirectory"/> and every process it started.</summary>
    public static int[] ServerProcesses(string dataDirectory)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var children = Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        return [postmaster, .. children];
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
