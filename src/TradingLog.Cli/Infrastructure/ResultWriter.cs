using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Writes query results as a Spectre table or, with --json, as a JSON array of objects.</summary>
internal static class ResultWriter
{
    /// <summary>How typed rows are written with --json: snake_case names, as the columns they come from.</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A log row for --json: its metadata as a JSON object, not a string holding one.</summary>
    public static object WithMetadataObject(TradingLog.PostgreSql.Queries.LogEntry row) => new
    {
        row.Id, row.Timestamp, row.Service, row.Level, row.EventType, row.Message, row.CorrelationId,
        Metadata = row.Metadata is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(row.Metadata),
        row.Archived,
    };

    /// <summary>Documents meant to be read by a person too (config show --json, the demo's summary): indented.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Typed rows: a table of <paramref name="columns"/>, or with --json the rows themselves as a JSON array.</summary>
    public static void Write<T>(IAnsiConsole console, bool json, string title, IReadOnlyList<T> rows, params (string Name, Func<T, object?> Value)[] columns)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(rows, Json));
            return;
        }

        Write(console, false, title, [.. rows.Select(r => columns.ToDictionary(c => c.Name, c => c.Value(r)))], [.. columns.Select(c => c.Name)]);
    }

    public static void Write(IAnsiConsole console, bool json, string title, IReadOnlyList<Dictionary<string, object?>> rows, params string[] columns)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c)))));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        foreach (var row in rows)
        {
            table.AddRow(columns.Select(c => Markup.Escape(Format(row.GetValueOrDefault(c)))).ToArray());
        }

        if (rows.Count == 0)
        {
            console.MarkupLine($"{Markup.Escape(title)}: no rows.");
            return;
        }

        console.Write(table);
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
