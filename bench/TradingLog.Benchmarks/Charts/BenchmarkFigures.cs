using System.Text.Json;

namespace TradingLog.Benchmarks.Charts;

/// <summary>
/// The figures of one benchmark run in a form a chart can be drawn from: bars (a value per contender, in groups) and
/// optional lines over time. Each benchmark writes one with <c>--json FILE</c>; <c>chart</c> turns them into PNGs.
/// </summary>
internal sealed record BenchmarkFigures(string Benchmark, string Title, string Unit, bool LogScale, IReadOnlyList<BarFigure> Bars, IReadOnlyList<LineFigure>? Lines = null)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task SaveAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));
    }

    public static BenchmarkFigures Load(string path) =>
        JsonSerializer.Deserialize<BenchmarkFigures>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no figures");
}
