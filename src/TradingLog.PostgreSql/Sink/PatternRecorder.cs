using Npgsql;
using NpgsqlTypes;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Records a batch's patterns in <c>tradelog_patterns</c>, right after the batch's commit: one row per pattern and service
/// with its first and last seen, and the replacements of mined templates that became more general. The writer role may
/// not read that table: it calls <c>tradelog_record_patterns</c>, which may. One call per batch, a row per distinct
/// pattern and service in it.
/// </summary>
internal static class PatternRecorder
{
    /// <summary>The longest example message kept, in characters.</summary>
    public const int MaxExampleLength = 2_000;

    public static async Task RecordAsync(NpgsqlConnection connection, IReadOnlyList<EncodedEvent> batch, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<(long Id, string Service), Seen>();
        var replaced = new List<long>();
        var by = new List<long>();
        foreach (var e in batch)
        {
            if (e.Pattern is not { } pattern)
            {
                continue;
            }

            var key = (pattern.Id, e.System.Service);
            if (seen.TryGetValue(key, out var known))
            {
                known.First = known.First < e.System.Timestamp ? known.First : e.System.Timestamp;
                known.Last = known.Last > e.System.Timestamp ? known.Last : e.System.Timestamp;
            }
            else
            {
                seen[key] = new Seen(pattern, e.System.Timestamp, e.System.Message);
            }

            foreach (var old in pattern.Replaces ?? [])
            {
                replaced.Add(old);
                by.Add(pattern.Id);
            }
        }

        if (seen.Count == 0)
        {
            return;
        }

        var sanitised = false;
        await using var command = new NpgsqlCommand("SELECT tradelog_record_patterns($1, $2, $3, $4, $5, $6, $7, $8, $9)", connection)
        {
            Parameters =
            {
                new() { Value = seen.Keys.Select(k => k.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
                new() { Value = seen.Keys.Select(k => k.Service).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new()
                {
                    Value = seen.Values.Select(s => TextSanitizer.Clean(s.Pattern.Template, ref sanitised)).ToArray(),
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
                },
                new() { Value = seen.Values.Select(s => s.Pattern.Source).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = seen.Values.Select(s => s.First).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { Value = seen.Values.Select(s => s.Last).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new()
                {
                    Value = seen.Values.Select(s => Cut(s.Example)).ToArray(),
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
                },
                new() { Value = replaced.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
                new() { Value = by.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>At most <see cref="MaxExampleLength"/> characters, without splitting a surrogate pair.</summary>
    private static string Cut(string example)
    {
        if (example.Length <= MaxExampleLength)
        {
            return example;
        }

        var end = char.IsHighSurrogate(example[MaxExampleLength - 1]) ? MaxExampleLength - 1 : MaxExampleLength;
        return example[..end];
    }

    private sealed class Seen(EventPattern pattern, DateTime at, string example)
    {
        public EventPattern Pattern { get; } = pattern;

        public DateTime First { get; set; } = at;

        public DateTime Last { get; set; } = at;

        public string Example { get; } = example;
    }
}
