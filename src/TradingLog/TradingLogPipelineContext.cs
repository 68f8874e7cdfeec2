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
    private readonly PipelineInstruments _instruments;

    internal TradingLogPipelineContext(LoggerConfiguration configuration, TradingLogSettings settings, string service,
        TradingLogHealth health, List<IDisposable> disposables, Dictionary<Type, object> components, string workingDirectory,
        PipelineInstruments instruments, CancellationToken stopping)
    {
        _instruments = instruments;
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
    /// The pipeline's meter (named <see cref="TradingLogInstruments.MeterName"/>), disposed with the host, for an
    /// extension's synchronous instruments (histograms, counters it adds to), tagged with the <c>service</c>. Values read
    /// from counters the extension keeps go through <see cref="ObserveCounter"/> and <see cref="ObserveGauge"/> instead.
    /// </summary>
    public Meter Meter => _instruments.Meter;

    /// <summary>
    /// Publishes a cumulative count the extension keeps (events written, say) as the observable counter
    /// <paramref name="name"/>: read at each collection, summed with every other pipeline's reading of the same tags in
    /// this process, removed when the host is disposed.
    /// </summary>
    /// <param name="name">The instrument's name, such as <c>tradinglog.database.written</c>.</param>
    /// <param name="unit">Its UCUM unit, such as <c>{event}</c>, <c>By</c> or <c>s</c>.</param>
    /// <param name="description">What it counts.</param>
    /// <param name="read">Reads the current values with their tags (include the <c>service</c> tag); called on the collector's thread.</param>
    public void ObserveCounter(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> read) =>
        _instruments.Counter(name, unit, description, read);

    /// <summary>As <see cref="ObserveCounter"/>, for a value that goes up and down (a queue's depth, a spool's size).</summary>
    /// <param name="name">The instrument's name.</param>
    /// <param name="unit">Its UCUM unit.</param>
    /// <param name="description">What it measures.</param>
    /// <param name="read">Reads the current values with their tags.</param>
    public void ObserveGauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> read) =>
        _instruments.Gauge(name, unit, description, read);

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
