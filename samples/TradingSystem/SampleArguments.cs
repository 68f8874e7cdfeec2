using System.Globalization;

namespace TradingSystem;

/// <summary>What the orchestrator tells one service: its name, every service's port, the run, and where to write its summary.</summary>
internal sealed record SampleArguments(string Service, IReadOnlyDictionary<string, int> Ports, string RunId, string? SummaryFile)
{
    /// <exception cref="ArgumentException">An argument is missing or malformed; the message names it.</exception>
    public static SampleArguments Parse(string[] args)
    {
        string? service = null, ports = null, run = null, summary = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--ports": ports = Value(args, ref i); break;
                case "--run": run = Value(args, ref i); break;
                case "--summary-file": summary = Value(args, ref i); break;
                case var name when !name.StartsWith("--", StringComparison.Ordinal) && service is null: service = name; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (service is null || !ServiceNames.All.Contains(service))
        {
            throw new ArgumentException($"the first argument is the service: one of {string.Join(", ", ServiceNames.All)}");
        }

        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in (ports ?? throw new ArgumentException("--ports name=port,... is required")).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                throw new ArgumentException($"--ports: '{pair}' is not name=port");
            }

            map[parts[0]] = port;
        }

        return map.ContainsKey(service)
            ? new SampleArguments(service, map, run ?? DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), summary)
            : throw new ArgumentException($"--ports has no port for {service}");
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
