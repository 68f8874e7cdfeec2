using Npgsql;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Cli.Infrastructure;

/// <summary>
/// Opens the read side (<see cref="LogQueries"/>) for the analysis commands, through the reader role when one is
/// configured. Reading never starts the embedded server and never migrates: a stopped server or a database without the
/// log tables is an error that says what to run.
/// </summary>
internal static class AnalysisDatabase
{
    /// <summary>The services the tool itself logs as: the audit trail's and the alert evaluator's.</summary>
    public static readonly string[] ToolServices = [MaintenanceLog.Service, Commands.Alerts.MonitorCommand.Service];

    /// <param name="options">The command's options.</param>
    /// <param name="service">The --service option, checked against the configured services and those the tool logs as itself.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <param name="requireTables">Fail when the log tables do not exist yet; a follower waits for them instead.</param>
    public static async Task<(TradingLogSettings Settings, LogQueries Queries)> OpenAsync(DatabaseCommandSettings options, string? service,
        CancellationToken cancellationToken, bool requireTables = true)
    {
        var loaded = options.Load();
        var name = service is null ? null : TradingLogSettings.NormalizeServiceName(service);
        if (name is not null && !loaded.Settings.Services.ContainsKey(name) && !ToolServices.Contains(name))
        {
            var known = string.Join(", ", loaded.Settings.Services.Keys.Concat(ToolServices).Order(StringComparer.Ordinal));
            throw new BadOptionException($"--service: unknown service {Echo.Of(service)}; known services are {known}");
        }

        var database = await LogDatabase.ConnectRunningAsync(loaded.Settings, Directory.GetCurrentDirectory(), cancellationToken);
        var queries = LogQueries.Open(database, "tradelog-cli");
        if (!requireTables)
        {
            return (loaded.Settings, queries);
        }

        try
        {
            await EnsureTablesAsync(database, loaded.Settings.Database.ActiveTable, cancellationToken);
        }
        catch
        {
            await queries.DisposeAsync();
            throw;
        }

        return (loaded.Settings, queries);
    }

    private static async Task EnsureTablesAsync(LogDatabase database, string activeTable, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ReaderConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = activeTable } } };
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            throw new StoreNotReadyException(
                $"the database has no {activeTable} table yet: nothing has been logged to it. Run 'tradelog db migrate' to create the tables " +
                "(a service creates them too, when it first logs).");
        }
    }

    /// <summary>Runs SQL given verbatim (the design's own queries, which the demo shows as written) and returns untyped rows.</summary>
    public static async Task<List<Dictionary<string, object?>>> QueryAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken,
        params object?[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(RowOf(reader));
        }

        return rows;
    }

    /// <summary>The current row by column name; the row is already buffered, so reading it does not block.</summary>
    private static Dictionary<string, object?> RowOf(NpgsqlDataReader reader)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }
}
