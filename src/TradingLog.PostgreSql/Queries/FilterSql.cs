using Npgsql;
using NpgsqlTypes;
using Serilog.Events;

namespace TradingLog.PostgreSql.Queries;

/// <summary>Compiles a <see cref="LogFilter"/> into a WHERE condition over the log tables' columns, with its parameters.</summary>
internal static class FilterSql
{
    /// <summary>The condition (<c>true</c> for an empty filter); values are added to <paramref name="parameters"/> as <c>$n</c>.</summary>
    public static string Where(LogFilter filter, List<NpgsqlParameter> parameters)
    {
        var conditions = new List<string>();
        string Add(object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + parameters.Count;
        }

        if (filter.Services is { Count: > 0 } services)
        {
            conditions.Add($"service = ANY({Add(services.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})");
        }

        if (filter.Levels is { Count: > 0 } exact)
        {
            conditions.Add($"level = ANY({Add(exact.Select(LevelNames.ToName).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})");
        }

        if (filter.MinimumLevel is { } minimum && minimum > LogEventLevel.Verbose)
        {
            var levels = Enum.GetValues<LogEventLevel>().Where(l => l >= minimum).Select(LevelNames.ToName).ToArray();
            conditions.Add($"level = ANY({Add(levels, NpgsqlDbType.Array | NpgsqlDbType.Text)})");
        }

        if (filter.Category is { } category)
        {
            conditions.Add($"metadata->>'category' = {Add(category.ToString(), NpgsqlDbType.Text)}");
        }

        if (filter.EventType is { } eventType)
        {
            conditions.Add($"event_type = {Add(eventType, NpgsqlDbType.Text)}");
        }

        if (filter.CorrelationId is { } correlationId)
        {
            conditions.Add($"correlation_id = {Add(correlationId, NpgsqlDbType.Text)}");
        }

        if (filter.PatternId is { } pattern)
        {
            var id = Add(pattern, NpgsqlDbType.Bigint);
            conditions.Add($"(pattern_id = {id} OR pattern_id IN (SELECT r.pattern_id FROM tradelog_patterns r WHERE r.merged_into = {id}))");
        }

        if (!string.IsNullOrEmpty(filter.Text))
        {
            // strpos matches the text literally: % and _ are not wildcards, as they would be in LIKE.
            conditions.Add($"strpos(lower(message), lower({Add(filter.Text, NpgsqlDbType.Text)})) > 0");
        }

        if (!string.IsNullOrEmpty(filter.Pattern))
        {
            conditions.Add($"message ~* {Add(filter.Pattern, NpgsqlDbType.Text)}");
        }

        if (filter.PropertyName is { } name && filter.PropertyValue is { } value)
        {
            conditions.Add($"metadata->'properties'->>{Add(name, NpgsqlDbType.Text)} = {Add(value, NpgsqlDbType.Text)}");
        }

        foreach (var (propertyName, propertyValue) in filter.Properties ?? [])
        {
            var capitalised = propertyName.Length > 0 ? char.ToUpperInvariant(propertyName[0]) + propertyName[1..] : propertyName;
            var valueParameter = Add(propertyValue, NpgsqlDbType.Text);
            conditions.Add(capitalised == propertyName
                ? $"metadata->'properties'->>{Add(propertyName, NpgsqlDbType.Text)} = {valueParameter}"
                : $"coalesce(metadata->'properties'->>{Add(propertyName, NpgsqlDbType.Text)}, " +
                  $"metadata->'properties'->>{Add(capitalised, NpgsqlDbType.Text)}) = {valueParameter}");
        }

        if (filter.From is { } from)
        {
            conditions.Add($"timestamp >= {Add(from.UtcDateTime, NpgsqlDbType.TimestampTz)}");
        }

        if (filter.To is { } to)
        {
            conditions.Add($"timestamp < {Add(to.UtcDateTime, NpgsqlDbType.TimestampTz)}");
        }

        return conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);
    }
}
