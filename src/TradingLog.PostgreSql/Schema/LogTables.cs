using TradingLog.Configuration;

namespace TradingLog.PostgreSql.Schema;

/// <summary>The names of the log tables in one database: the design's names, the first two configurable.</summary>
internal sealed record LogTables(string Active, string Archive)
{
    public const string Trading = "trading_logs";
    public const string Performance = "performance_logs";
    public const string Migrations = "tradelog_schema_migrations";

    public static LogTables Default { get; } = new(DatabaseSettings.DefaultActiveTable, DatabaseSettings.DefaultArchiveTable);

    public static LogTables From(DatabaseSettings settings) => new(settings.ActiveTable, settings.ArchiveTable);

    /// <summary>The tables partitioned by day: every log table.</summary>
    public IReadOnlyList<string> Partitioned => [Active, Archive, Trading, Performance];
}
