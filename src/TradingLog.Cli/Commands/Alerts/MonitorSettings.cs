using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;

namespace TradingLog.Cli.Commands.Alerts;

/// <summary>Options of <c>tradelog monitor</c>.</summary>
internal sealed class MonitorSettings : DatabaseCommandSettings
{
    [CommandOption("--metrics <HOST:PORT>")]
    [Description("Serve TradingLog's metrics (alert states, evaluation times, the monitor's own logging) in the Prometheus format at " +
        "http://HOST:PORT/metrics, such as 127.0.0.1:9464; a port alone listens on 127.0.0.1.")]
    public string? Metrics { get; init; }

    /// <summary>The address of <see cref="Metrics"/>, parsed; null when not asked for.</summary>
    public (string Host, int Port)? MetricsAddress => Metrics is null ? null : Parse(Metrics);

    public override ValidationResult Validate()
    {
        if (Metrics is not null && Parse(Metrics) is null)
        {
            return ValidationResult.Error($"--metrics: '{Metrics}' is not HOST:PORT or PORT (1 to 65535), such as 127.0.0.1:9464");
        }

        return base.Validate();
    }

    private static (string Host, int Port)? Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? "127.0.0.1" : text[..colon].Trim('[', ']');
        var port = colon < 0 ? text : text[(colon + 1)..];
        return host.Length > 0 && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535
            ? (host, p)
            : null;
    }
}
