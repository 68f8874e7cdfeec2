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
            return ValidationResult.Error($"--metrics: '{Metrics}' is not HOST:PORT, [IPv6]:PORT or PORT (1 to 65535), such as 127.0.0.1:9464");
        }

        return base.Validate();
    }

    /// <summary>PORT, HOST:PORT or [IPv6]:PORT; the host is checked as a name or address (an IPv6 address keeps its brackets).</summary>
    private static (string Host, int Port)? Parse(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var alone))
        {
            return alone is >= 1 and <= 65535 ? ("127.0.0.1", alone) : null;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        var host = text[..colon];
        var kind = Uri.CheckHostName(host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host);
        var valid = kind is UriHostNameType.Dns or UriHostNameType.IPv4 || kind == UriHostNameType.IPv6 && host.StartsWith('[');
        return valid ? (host, port) : null;
    }
}
