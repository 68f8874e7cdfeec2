using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Configuration;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Options of commands that reach the database.</summary>
internal class DatabaseCommandSettings : ConfigurationCommandSettings
{
    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("A PostgreSQL connection string; overrides TRADINGLOG_CONNECTION and database.connection_string. Without one, the embedded server is used.")]
    public string? Connection { get; init; }

    [CommandOption("--data-dir <DIR>")]
    [Description("Data directory of the embedded server. Default: database.data_directory (.tradelog/pgdata).")]
    public string? DataDirectory { get; init; }

    public override ValidationResult Validate() =>
        Connection is not null && TradingLog.PostgreSql.LogDatabase.ConnectionStringProblem(Connection) is { } problem
            ? ValidationResult.Error("--connection: " + problem)
            : base.Validate();

    /// <summary>Loads the configuration with the database options applied.</summary>
    public new LoadedConfiguration Load() => Announced(TradingLogConfiguration.Load(ToOptions()));

    public new TradingLogConfigurationOptions ToOptions()
    {
        var options = CreateOptions();
        if (Connection is not null)
        {
            options.Overrides["database.connection_string"] = Connection;
        }

        if (DataDirectory is not null)
        {
            options.Overrides["database.data_directory"] = DataDirectory;
        }

        return options;
    }
}
