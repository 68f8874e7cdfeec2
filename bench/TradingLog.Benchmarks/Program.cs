using TradingLog.Benchmarks.Ingest;
using TradingLog.Benchmarks.Retention;

// TradingLog benchmarks. Usage:
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- ingest [--quick] [--events N] [--out FILE]
//   dotnet run -c Release --project bench/TradingLog.Benchmarks -- retention [--quick] [--out FILE]
var command = args.FirstOrDefault() ?? "help";
var quick = args.Contains("--quick");
int? events = Option("--events") is { } e ? int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : null;
switch (command)
{
    case "ingest":
        return await IngestBenchmark.RunAsync(quick, events, Option("--out"));
    case "retention":
        return await RetentionBenchmark.RunAsync(quick, Option("--out"));
    default:
        Console.WriteLine("usage: TradingLog.Benchmarks ingest [--quick] [--events N] [--out FILE]");
        Console.WriteLine("       TradingLog.Benchmarks retention [--quick] [--out FILE]");
        return command == "help" ? 0 : 2;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
