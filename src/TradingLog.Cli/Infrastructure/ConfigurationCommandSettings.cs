using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Configuration;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Options every command that reads the configuration takes.</summary>
internal class ConfigurationCommandSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("The base configuration file. Default: $TRADINGLOG_CONFIG, else config/logging.yaml.")]
    public string? Config { get; init; }

    [CommandOption("-e|--environment <NAME>")]
    [Description("The environment whose logging.{NAME}.yaml is layered on top (Development, Production, ...).")]
    public string? Environment { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Overrides one setting, highest precedence; repeat for more. Example: --set database.batch_size=500")]
    public string[] Set { get; init; } = [];

    [CommandOption("--json")]
    [Description("Machine-readable JSON output.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        var bad = Set.FirstOrDefault(s => !s.Contains('=', StringComparison.Ordinal) || s.StartsWith('='));
        return bad is null ? ValidationResult.Success() : ValidationResult.Error($"--set takes KEY=VALUE, not {Echo.Of(bad)}");
    }

    public TradingLogConfigurationOptions ToOptions() => CreateOptions();

    /// <summary>Loads the configuration these options describe; a bad one throws with the file, line and key.</summary>
    public LoadedConfiguration Load() => Announced(TradingLogConfiguration.Load(ToOptions()));

    /// <summary>
    /// Every command says what was wrong but not fatal in the configuration (an empty file, a misspelt key), once, on
    /// standard error; <c>config show</c> lists the same in its output instead.
    /// </summary>
    protected static LoadedConfiguration Announced(LoadedConfiguration loaded)
    {
        if (!WarningsAnnounced)
        {
            WarningsAnnounced = true;
            foreach (var warning in loaded.Warnings)
            {
                Notices.Write("warning: " + warning);
            }
        }

        return loaded;
    }

    /// <summary>Whether the warnings were written already (a follower reloads the configuration on every reconnect).</summary>
    private static bool WarningsAnnounced { get; set; }

    protected TradingLogConfigurationOptions CreateOptions()
    {
        var options = new TradingLogConfigurationOptions { ConfigPath = Config, Environment = Environment };
        foreach (var pair in Set)
        {
            var index = pair.IndexOf('=', StringComparison.Ordinal);
            options.Overrides[pair[..index].Trim()] = pair[(index + 1)..];
        }

        return options;
    }
}
