namespace TradingLog.PostgreSql.Schema;

/// <summary>One versioned step of the schema. Its SQL may use {active} and {archive} for the configured table names.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
