using System.Text.Json;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Tail;

/// <summary>A stored event as the live tail holds it: the row, and its metadata read once for every browser's filter.</summary>
internal sealed class TailEvent
{
    public TailEvent(LogEntry entry)
    {
        Entry = entry;
        if (entry.Metadata is null)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(entry.Metadata);
            var root = document.RootElement;
            Category = root.TryGetProperty("category", out var category) && category.ValueKind == JsonValueKind.String ? category.GetString() : null;
            if (root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                Properties = properties.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value), StringComparer.Ordinal);
            }
        }
        catch (JsonException)
        {
            // Metadata is written by TradingLog's encoder as JSON; a row written otherwise is still shown, unfiltered by it.
        }
    }

    public LogEntry Entry { get; }

    public string? Category { get; }

    public IReadOnlyDictionary<string, string?> Properties { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>A property as PostgreSQL's <c>->></c> gives it: strings bare, numbers and booleans as written, null as null.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
