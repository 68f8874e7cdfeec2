using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;

namespace TradingLog.Cli.Commands.Config;

/// <summary><c>tradelog config show</c>: the effective configuration and where each value came from.</summary>
internal sealed class ConfigShowCommand(IAnsiConsole console) : Command<ConfigurationCommandSettings>
{
    public override int Execute(CommandContext context, ConfigurationCommandSettings settings, CancellationToken cancellationToken)
    {
        LoadedConfiguration loaded;
        try
        {
            loaded = TradingLogConfiguration.Load(settings.ToOptions()); // its warnings are part of its output, not a notice
        }
        catch (TradingLogConfigurationException e)
        {
            Console.Error.WriteLine("tradelog: " + e.Message);
            return ExitCodes.BadInput;
        }

        if (settings.Json)
        {
            WriteJson(loaded);
            return ExitCodes.Success;
        }

        console.MarkupLine($"[bold]Environment:[/] {Markup.Escape(loaded.EnvironmentName ?? "(none)")}");
        console.MarkupLine($"[bold]Files:[/] {Markup.Escape(loaded.Files.Count == 0 ? "(none: built-in defaults)" : string.Join(", ", loaded.Files))}");
        foreach (var warning in loaded.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Key", "Value", "Source", "Environment variable");
        foreach (var setting in loaded.Effective)
        {
            var source = setting.Source.Kind == SettingSourceKind.Default ? "[dim]default[/]" : Markup.Escape(setting.Source.Description);
            table.AddRow(Markup.Escape(setting.Key), Markup.Escape(setting.Value), source, $"[dim]{Markup.Escape(setting.EnvironmentVariable)}[/]");
        }

        console.Write(table);
        return ExitCodes.Success;
    }

    private void WriteJson(LoadedConfiguration loaded)
    {
        var document = new
        {
            environment = loaded.EnvironmentName,
            files = loaded.Files,
            warnings = loaded.Warnings,
            settings = loaded.Effective.Select(s => new
            {
                key = s.Key,
                value = s.Value,
                source = s.Source.Kind.ToString(),
                origin = s.Source.Description,
                environment_variable = s.EnvironmentVariable,
            }),
        };
        console.Profile.Width = int.MaxValue;
        Console.Out.WriteLine(JsonSerializer.Serialize(document, ResultWriter.Indented));
    }
}
