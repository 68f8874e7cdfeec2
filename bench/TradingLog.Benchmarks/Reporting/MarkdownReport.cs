using System.Globalization;
using System.Text;

namespace TradingLog.Benchmarks.Reporting;

/// <summary>A benchmark's result as a Markdown table under a title line, as docs/benchmarks.md shows them.</summary>
internal sealed class MarkdownReport
{
    private readonly StringBuilder _text = new();

    /// <summary>The first column is left-aligned, the others (figures) right-aligned.</summary>
    public MarkdownReport(FormattableString title, params string[] columns)
    {
        _text.AppendLine(title.ToString(CultureInfo.InvariantCulture)).AppendLine();
        _text.AppendLine("| " + string.Join(" | ", columns) + " |");
        _text.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", columns.Length - 1)));
    }

    /// <summary>A row; numbers in the cells are formatted with the invariant culture.</summary>
    public MarkdownReport Row(params FormattableString[] cells)
    {
        _text.AppendLine("| " + string.Join(" | ", cells.Select(c => c.ToString(CultureInfo.InvariantCulture))) + " |");
        return this;
    }

    /// <summary>A line after the table.</summary>
    public MarkdownReport Note(FormattableString line)
    {
        _text.AppendLine().AppendLine(line.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Prints the report, and writes it to <paramref name="output"/> when one is given (<c>--out</c>).</summary>
    public async Task PublishAsync(string? output)
    {
        Console.WriteLine(this);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, ToString());
        }
    }

    public override string ToString() => _text.ToString();
}
