using System.Diagnostics;
using System.Globalization;

using Xunit;

namespace TradingLog.Testing;

/// <summary>Starts <c>TradingLog.Tests.LogWriter</c> (a real service process) and sends it signals.</summary>
public static class LogWriterProcess
{
    public static Process Start(params string[] args) => Start(newSession: false, args);

    /// <summary>Starts the writer; with <paramref name="newSession"/> in a session of its own (<c>setsid</c>), as a service manager would.</summary>
    public static Process Start(bool newSession, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TradingLog.Tests.LogWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; the test project builds it");
        var info = new ProcessStartInfo(newSession ? "/usr/bin/setsid" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (newSession)
        {
            info.ArgumentList.Add("dotnet");
        }

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
