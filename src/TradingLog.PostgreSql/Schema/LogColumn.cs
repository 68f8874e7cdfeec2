namespace TradingLog.PostgreSql.Schema;

/// <summary>One stored column of a log table, as PostgreSQL reports it in <c>information_schema.columns</c>.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="DataType">Its <c>data_type</c> (<c>character varying</c>, <c>uuid</c>, <c>jsonb</c>, ...).</param>
/// <param name="Width">Its <c>character_maximum_length</c> in characters, or null for a type without one.</param>
internal sealed record LogColumn(string Name, string DataType, int? Width = null)
{
    /// <summary>The width of a VARCHAR column; throws for a column without one, which would be a mistake in <see cref="LogColumns"/>.</summary>
    public int MaxLength => Width ?? throw new InvalidOperationException($"column {Name} has no width");
}
