using System.Runtime.InteropServices;
using Serilog.Core;
using TradingLog.Configuration;
using TradingLog.Diagnostics;

namespace TradingLog;

/// <summary>
/// One service's logging pipeline. Dispose it at shutdown: disposal flushes every queue to the files and other sinks.
/// It is also disposed at process exit if the program forgets.
/// </summary>
public sealed class TradingLogHost : IDisposable, IAsyncDisposable
{
    private readonly List<IDisposable> _resources;
    private readonly Dictionary<Type, object> _components;
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    internal TradingLogHost(string service, TradingLogSettings settings, Logger logger, TradingLogHealth health,
        IReadOnlyList<string> files, List<IDisposable> resources, Dictionary<Type, object>? components = null,
        CancellationTokenSource? stopping = null)
    {
        _stopping = stopping ?? new CancellationTokenSource();
        _components = components ?? [];
        Service = service;
        Settings = settings;
        SerilogLogger = logger;
        Health = health;
        Files = files;
        _resources = resources;
        Logger = new TradingLogger(logger, settings.Performance);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    /// <summary>Flushes on SIGTERM, SIGINT and SIGQUIT, then lets the signal end the process as it would have.</summary>
    internal void FlushOnTermination()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsBrowser())
        {
            return;
        }

        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Stop("signal " + signal)));
        }
    }

    /// <summary>The service name, normalised (<c>risk_management</c>).</summary>
    public string Service { get; }

    /// <summary>The effective settings.</summary>
    public TradingLogSettings Settings { get; }

    /// <summary>The Serilog logger of the pipeline.</summary>
    public Logger SerilogLogger { get; }

    /// <summary>TradingLog's API over the pipeline.</summary>
    public TradingLogger Logger { get; }

    /// <summary>Failure counters: file write failures, dropped events, the last error.</summary>
    public TradingLogHealth Health { get; }

    /// <summary>The folder the settings' relative paths are resolved against.</summary>
    public string WorkingDirectory { get; internal init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// The configuration files the settings were loaded from, as the loader names them (relative to
    /// <see cref="WorkingDirectory"/> when found there); empty when the settings were given in code. Other packages read
    /// their own sections (<c>alerts:</c>) from them.
    /// </summary>
    internal IReadOnlyList<string> ConfigurationFiles { get; init; } = [];

    /// <summary>The full paths of the files this service writes.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>A component an extension published, such as the database sink's metrics; null if none.</summary>
    public T? Component<T>()
        where T : class => _components.GetValueOrDefault(typeof(T)) as T;

    /// <summary>Every published component that is a <typeparamref name="T"/>.</summary>
    internal IEnumerable<T> Components<T>()
        where T : class => _components.Values.OfType<T>();

    /// <summary>A logger whose events name <typeparamref name="T"/> as their source.</summary>
    public TradingLogger ForContext<T>() => Logger.ForContext<T>();

    /// <summary>Flushes and closes every sink.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AuditStopping();
        BeginStop();
        SerilogLogger.Dispose();
        DisposeResources();
        DisposeSignals();
    }

    /// <summary>Flushes and closes every sink without blocking a thread.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AuditStopping();
        BeginStop();
        await SerilogLogger.DisposeAsync();
        DisposeResources();
        DisposeSignals();
    }

    /// <summary>The heartbeat timer (<see cref="HealthEvents"/>), stopped when the host begins to stop.</summary>
    internal IDisposable? Heartbeat { get; set; }

    private void BeginStop()
    {
        Heartbeat?.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        Health.Stop();
        try
        {
            _stopping.Cancel();
        }
        catch (AggregateException e)
        {
            Health.OnLoggingFailed(this, LoggingFailureKind.Temporary, "a sink failed to begin its stop", null, e);
        }
    }

    private void DisposeResources()
    {
        foreach (var resource in Enumerable.Reverse(_resources))
        {
            try
            {
                resource.Dispose();
            }
            catch (Exception e)
            {
                Health.OnLoggingFailed(this, LoggingFailureKind.Temporary, "a resource failed to close", null, e);
            }
        }
    }

    private void DisposeSignals()
    {
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop("process exit");

    /// <summary>
    /// The logger of audit events (<see cref="AuditEvents"/>): category System, source context
    /// <see cref="AuditEvents.SourceContext"/>, whose level is pinned to Information whatever the service's level.
    /// </summary>
    public TradingLogger Audit => new TradingLogger(
        SerilogLogger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, AuditEvents.SourceContext), Settings.Performance)
        .ForCategory(LogCategory.System);

    /// <summary>Whether start and stop are logged as audit events (<see cref="TradingLogOptions.AuditEvents"/>).</summary>
    internal bool Audited { get; init; }

    private string _stopReason = "disposed";

    private void Stop(string reason)
    {
        _stopReason = reason;
        Dispose();
    }

    /// <summary>Logs <see cref="AuditEvents.ServiceStarted"/>: what is running, where, and with which configuration.</summary>
    internal void AuditStarted(IReadOnlyList<string> configurationFiles, string? environmentName)
    {
        if (!Audited)
        {
            return;
        }

        var version = typeof(TradingLogHost).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
        var application = System.Reflection.Assembly.GetEntryAssembly()?.GetName();
        Audit.WithProperty(LogProperties.EventType, AuditEvents.ServiceStarted).Write(
            Serilog.Events.LogEventLevel.Information, null,
            "Service {Service} started: {Application} {ApplicationVersion}, TradingLog {TradingLogVersion}, host {Host}, process {ProcessId}, " +
            "environment {Environment}, configuration {ConfigurationFiles}",
            [Service, application?.Name ?? "unknown", application?.Version?.ToString() ?? "unknown", version, Environment.MachineName,
             Environment.ProcessId, string.IsNullOrWhiteSpace(environmentName) ? "(none)" : environmentName,
             configurationFiles.Count == 0 ? "(settings given in code)" : string.Join(", ", configurationFiles)]);
    }

    /// <summary>Logs <see cref="AuditEvents.ServiceStopped"/> while the pipeline still takes events: why, and what is pending.</summary>
    private void AuditStopping()
    {
        if (!Audited)
        {
            return;
        }

        try
        {
            Audit.WithProperty(LogProperties.EventType, AuditEvents.ServiceStopped).Write(
                Serilog.Events.LogEventLevel.Information, null,
                "Service {Service} stopping ({Reason}): queued events are flushed now; so far {QueueDropped} dropped at a full queue, " +
                "{FileLinesDropped} file lines lost, {Failures} logging failures",
                [Service, _stopReason, Health.QueueDropped, Health.FileLinesDropped, Health.Failures]);
        }
        catch (Exception e)
        {
            Health.OnLoggingFailed(this, LoggingFailureKind.Temporary, "the stop could not be audited", null, e);
        }
    }

    /// <summary>
    /// The runtime raises this for an exception no code caught, on any thread, just before it ends the process (exit 134
    /// on Linux). Without it, what the queues held died with the process: the exception is logged as CRITICAL and every
    /// queue is flushed, the database within its stop bound and the rest into the spool, before the runtime goes on.
    /// </summary>
    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        try
        {
            var exception = e.ExceptionObject as Exception;
            Logger.ForCategory(LogCategory.System).WithProperty(LogProperties.EventType, "crash").Write(
                Serilog.Events.LogEventLevel.Fatal, exception,
                "Unhandled {ExceptionType} on thread {ThreadName}; the process is ending",
                [e.ExceptionObject.GetType().FullName, Thread.CurrentThread.Name ?? "#" + Environment.CurrentManagedThreadId]);
        }
        catch (Exception logging)
        {
            Health.OnLoggingFailed(this, LoggingFailureKind.Permanent, "the fatal exception could not be logged", null, logging);
        }

        Stop("crash");
    }
}
