using System.Globalization;
using System.Text.Json;

namespace TradingLog.PostgreSql.Sink;

/// <summary>Appends rows PostgreSQL refused to <c>{dead_letter_directory}/{service}-{date}.jsonl</c>, one JSON line each with the reason.</summary>
internal sealed class DeadLetterWriter(string directory, string service)
{
    private readonly Lock _gate = new();

    public string PathFor(DateTime utcNow) => Path.Combine(directory, $"{service}-{utcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.jsonl");

    public void Write(EncodedEvent row, string reason)
    {
        var line = JsonSerializer.Serialize(new { dead_lettered_at = DateTime.UtcNow, reason, row });
        lock (_gate)
        {
            Directory.CreateDirectory(directory);
            File.AppendAllText(PathFor(DateTime.UtcNow), line + "\n");
        }
    }
}
