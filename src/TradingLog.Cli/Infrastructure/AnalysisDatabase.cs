using Npgsql;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Opens the log store for the analysis commands, through the reader role when one is configured; parameterised SQL only.</summary>
internal static class AnalysisDatabase
{
    public static async Task<(TradingLogSettings Settings, NpgsqlDataSource DataSource)> OpenAsync(DatabaseCommandSettings options, string? service, CancellationToken cancellationToken,
        bool migrate = true)
    {
        var loaded = TradingLogConfiguration.Load(options.ToOptions());
        if (service is not null && !loaded.Settings.Services.ContainsKey(TradingLogSettings.NormalizeServiceName(service)))
        {
            throw new TradingLogConfigurationException(
                $"--service: unknown service '{service}'; known services are {string.Join(", ", loaded.Settings.Services.Keys.Order(StringComparer.Ordinal))}");
        }

        // Reading never starts the embedded server: a stopped one is an error that says how to start it.
        var database = await LogDatabase.ConnectRunningAsync(loaded.Settings, Directory.GetCurrentDirectory(), cancellationToken);
        if (migrate && (database.Embedded is not null || loaded.Settings.Database.ReaderConnectionString is null))
        {
            await database.MigrateAsync(cancellationToken);
        }

        return (loaded.Settings, LogDatabase.CreateDataSource(database.ReaderConnectionString, "tradelog-cli"));
    }

    public static async Task<List<Dictionary<string, object?>>> QueryAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object?[] parameters)
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
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
