using System.Diagnostics;
using System.Globalization;

namespace TradingLog.Benchmarks.Load;

/// <summary>One <see cref="LoadWriter"/> child as the parent sees it: its samples over time and its final counts.</summary>
internal sealed class LoadProcess
{
    private readonly Process _process;
    private readonly List<string> _errors = [];

    private LoadProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public List<(double Seconds, long Rss, long Queued, long Written, long Emitted)> Samples { get; } = [];

    public (long Emitted, long Written, long Dropped, long Spooled)? Final { get; private set; }

    public string Errors => string.Join('\n', _errors.TakeLast(10));

    public static LoadProcess Start(string name, string service, int rate, int seconds, string connection, string folder)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "load-writer", service, rate.ToString(CultureInfo.InvariantCulture),
                     seconds.ToString(CultureInfo.InvariantCulture), connection, folder })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var load = new LoadProcess(name, process);
        process.OutputDataReceived += (_, e) => load.Read(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (load._errors)
                {
                    load._errors.Add(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return load;
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    private void Read(string? line)
    {
        var parts = line?.Split(' ');
        if (parts is null || parts.Length < 5)
        {
            return;
        }

        long L(int i) => long.Parse(parts[i], CultureInfo.InvariantCulture);
        if (parts[0] == "S" && parts.Length >= 8)
        {
            lock (Samples)
            {
                Samples.Add((double.Parse(parts[1], CultureInfo.InvariantCulture), L(2), L(3), L(4), L(5)));
            }
        }
        else if (parts[0] == "E")
        {
            Final = (L(1), L(2), L(3), L(4));
        }
    }
}
