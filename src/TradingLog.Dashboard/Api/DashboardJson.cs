using System.Text.Json;
using System.Text.Json.Serialization;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>How the API writes JSON: snake_case names, times in ISO 8601 UTC, nulls left out.</summary>
internal static class DashboardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A row of a list: what the list shows, without its metadata (fetched by id when opened).</summary>
    public static object Row(LogEntry e) => new
    {
        e.Id, e.Timestamp, e.Service, e.Level, e.EventType, e.Message, e.CorrelationId, e.Archived,
    };

    /// <summary>Stored metadata as a JSON value (not a string), or null.</summary>
    public static JsonElement? Metadata(string? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(metadata);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(metadata);
        }
    }
}
