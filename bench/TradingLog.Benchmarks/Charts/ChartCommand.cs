using System.Globalization;
using ScottPlot;

namespace TradingLog.Benchmarks.Charts;

/// <summary>Draws every <c>*.json</c> of a results folder as a PNG beside it, with ScottPlot.</summary>
internal static class ChartCommand
{
    private const int Width = 1400;
    private const int Height = 620;

    public static int Run(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"no benchmark results (*.json) in {folder}; run a benchmark with --json first");
            return 2;
        }

        foreach (var file in files)
        {
            var figures = BenchmarkFigures.Load(file);
            var png = Path.ChangeExtension(file, ".png");
            if (figures.Bars.Count > 0)
            {
                DrawBars(figures).SavePng(png, Width, Height);
            }

            if (figures.Lines is { Count: > 0 } lines)
            {
                png = figures.Bars.Count > 0 ? Path.ChangeExtension(file, ".timeline.png") : png;
                DrawLines(figures.Title, lines).SavePng(png, Width, Height);
            }

            Console.WriteLine($"{file} → {png}");
        }

        return 0;
    }

    private static Plot DrawBars(BenchmarkFigures figures)
    {
        var plot = new Plot();
        var groups = figures.Bars.Select(b => b.Group).Distinct().ToList();
        var contenders = figures.Bars.Select(b => b.Contender).Distinct().ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var position = 0.0;
        foreach (var group in groups)
        {
            var inGroup = figures.Bars.Where(b => b.Group == group).ToList();
            var first = position;
            foreach (var figure in inGroup)
            {
                var shown = figures.LogScale ? Math.Log10(Math.Max(figure.Value, 0.001)) : figure.Value;
                bars.Add(new Bar
                {
                    Position = position,
                    Value = shown,
                    ValueBase = figures.LogScale ? -3 : 0,
                    FillColor = palette.GetColor(contenders.IndexOf(figure.Contender)),
                    Label = Format(figure.Value),
                });
                position += 1;
            }

            ticks.Add(new Tick((first + position - 1) / 2, group));
            position += 1; // a gap between groups
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (groups.Count > 10)
        {
            // Many groups: slanted names, so that neighbours do not overlap.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 140;
        }

        if (figures.LogScale)
        {
            var min = Math.Floor(bars.Min(b => b.Value));
            var max = Math.Ceiling(bars.Max(b => b.Value)) + 1;
            var logTicks = new List<Tick>();
            for (var exponent = (int)Math.Min(min, 0); exponent <= max; exponent++)
            {
                logTicks.Add(new Tick(exponent, Format(Math.Pow(10, exponent))));
            }

            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. logTicks]);
            plot.Axes.SetLimitsY(Math.Min(min, 0) - 0.2, max);
            foreach (var bar in bars)
            {
                bar.ValueBase = Math.Min(min, 0) - 0.2;
            }
        }
        else
        {
            plot.Axes.Margins(bottom: 0, top: 0.15);
        }

        foreach (var contender in contenders)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = contender, FillColor = palette.GetColor(contenders.IndexOf(contender)) });
        }

        plot.ShowLegend(Edge.Right);
        plot.Title(figures.Title);
        plot.YLabel(figures.Unit + (figures.LogScale ? " (log scale)" : ""));
        return plot;
    }

    private static Plot DrawLines(string title, IReadOnlyList<LineFigure> lines)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < lines.Count; i++)
        {
            var scatter = plot.Add.Scatter(lines[i].X.ToArray(), lines[i].Y.ToArray());
            scatter.LegendText = $"{lines[i].Name} ({lines[i].Unit})";
            scatter.Color = palette.GetColor(i);
            scatter.MarkerSize = 0;
            scatter.LineWidth = 2;
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("seconds");
        return plot;
    }

    private static string Format(double value) => value switch
    {
        >= 10 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
