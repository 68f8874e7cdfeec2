using System.Diagnostics.Metrics;
using Serilog;
using TradingLog.Configuration;
using TradingLog.Diagnostics;

namespace TradingLog;

/// <summary>What an <see cref="ITradingLogExtension"/> sees while the pipeline is built.</summary>
public sealed class TradingLogPipelineContext
{
    private readonly List<IDisposable> _disposables;
    private readonly Dictionary<Type, object> _components;

    internal TradingLogPipelineContext(LoggerConfiguration configuration, TradingLogSettings settings, string service,
        TradingLogHealth health, List<IDisposable> disposables, Dictionary<Type, object> components, string workingDirectory,
        Meter meter, CancellationToken stopping)
    {
        Meter = meter;
        Stopping = stopping;
        _components = components;
        WorkingDirectory = workingDirectory;
        LoggerConfiguration = configuration;
        Settings = settings;
        Service = service;
        Health = health;
        _disposables = disposables;
    }

    /// <summary>The Serilog configuration to add sinks and enrichers to.</summary>
    public LoggerConfiguration LoggerConfiguration { get; }

    /// <summary>The effective settings.</summary>
    public TradingLogSettings Settings { get; }

    /// <summary>The service the pipeline belongs to (normalised, such as <c>risk_management</c>).</summary>
    public string Service { get; }

    /// <summary>The health counters to report failures to.</summary>
    public TradingLogHealth Health { get; }

    /// <summary>The folder relative paths in the settings are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// Cancelled when the host begins to stop: <see cref="TradingLogHost.Dispose"/>, a termination signal, or a fatal
    /// unhandled exception. A sink that talks to a remote system starts its own stop bound from here and, when it passes,
    /// keeps what it still holds locally instead of waiting.
    /// </summary>
    public CancellationToken Stopping { get; }

    /// <summary>
    /// The pipeline's meter (named <see cref="TradingLogInstruments.MeterName"/>), disposed with the host: an extension adds
    /// its instruments here, tagged with the <c>service</c>, so that every listener of TradingLog's meters sees them.
    /// </summary>
    public Meter Meter { get; }

    /// <summary>The environment the configuration was read for (Development, Production, ...), or null for none.</summary>
    public string? EnvironmentName { get; internal init; }

    /// <summary>Set by the extension that exports to <c>logging.otlp.endpoint</c>, so that an endpoint nobody exports to is reported.</summary>
    internal bool OtlpExported { get; set; }

    /// <summary>Makes <paramref name="component"/> (metrics, say) available from <see cref="TradingLogHost.Component{T}"/>.</summary>
    public void Publish<T>(T component)
        where T : class => _components[typeof(T)] = component;

    /// <summary>Disposes <paramref name="resource"/> after the logger has been flushed and closed.</summary>
    public void RegisterForDispose(IDisposable resource) => _disposables.Add(resource);
}
