using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using TradingLog.Configuration;
using TradingLog.Diagnostics;
using TradingLog.Files;
using TradingLog.Formatting;
using TradingLog.Performance;

namespace TradingLog.Pipeline;

/// <summary>Turns settings into the Serilog pipeline of one service: levels, enrichers, routed files, console, extensions.</summary>
internal static class PipelineBuilder
{
    /// <summary>Categories that follow <c>root_level</c>: frameworks and libraries, the "root logger" of Python's logging.</summary>
    public static readonly string[] FrameworkPrefixes = ["Microsoft", "System", "Npgsql"];

    public const int FileBatchSize = 1000;

    public static readonly TimeSpan FileBufferingTime = TimeSpan.FromMilliseconds(50);

    public static TradingLogHost Build(string service, TradingLogSettings settings, TradingLogOptions options,
        IReadOnlyList<string>? configurationFiles = null, string? environmentName = null)
    {
        var health = new TradingLogHealth { Listener = options.FailureListener, Output = options.FailureOutput };
        var resources = new List<IDisposable>();
        var workingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory();
        var configuration = new LoggerConfiguration().MinimumLevel.Is(settings.LevelOf(service));
        foreach (var prefix in FrameworkPrefixes)
        {
            configuration.MinimumLevel.Override(prefix, settings.RootLevel);
        }

        // Audit events keep INFO even in a service that logs at WARNING.
        configuration.MinimumLevel.Override(AuditEvents.SourceContext, LogEventLevel.Information);
        configuration.MinimumLevel.Override(HealthEvents.SourceContext, LogEventLevel.Information);
        configuration.Filter.With(new StopGate(health));
        configuration.Enrich.With(new TradingLogEnricher(service));
        var template = LoguruTemplate.Parse(settings.Format);
        if (template.UsesThread)
        {
            configuration.Enrich.With(new ThreadEnricher());
        }

        var targets = CreateTargets(service, settings, workingDirectory, health);
        foreach (var target in targets)
        {
            target.Probe();
        }

        var counts = new EventCounts();
        configuration.WriteTo.Sink(counts);
        QueueGauge? fileGauge = null;
        QueueGauge? consoleGauge = null;
        ITextFormatter fileFormatter = settings.JsonFormat ? new JsonLineFormatter(settings.Structured) : new TextLineFormatter(template);
        if (targets.Count > 0)
        {
            // With every file turned off there is no file queue at all: nothing to enqueue, no background loop.
#pragma warning disable CA2000 // the queue owns the file sinks and the logger the queue; disposing the host disposes both
            var (files, gauge) = Batched(new FileSinkSet(targets, fileFormatter, health), options.QueueCapacity, options.FileQueueFullMode, health);
            configuration.WriteTo.Sink(files);
            fileGauge = gauge;
#pragma warning restore CA2000
        }

        if (settings.Console.Enabled)
        {
#pragma warning disable CA2000 // the queue owns the console sink, the logger the queue
            var console = new ConsoleSink(new TextLineFormatter(template, settings.Console.Colored), health);
#pragma warning restore CA2000
            var (sink, gauge) = Batched(console, options.QueueCapacity, QueueFullMode.Drop, health);
            configuration.WriteTo.Sink(sink, restrictedToMinimumLevel: settings.Console.Level ?? LogEventLevel.Verbose);
            consoleGauge = gauge;
        }

        var components = new Dictionary<Type, object>();
        var stopping = new CancellationTokenSource();
#pragma warning disable CA2000 // disposed with the host's resources, after the logger
        var instruments = new PipelineInstruments(service, health, counts, fileGauge, consoleGauge);
#pragma warning restore CA2000
        resources.Add(instruments);
        var context = new TradingLogPipelineContext(configuration, settings, service, health, resources, components, workingDirectory,
            instruments, stopping.Token)
        {
            EnvironmentName = environmentName,
        };
        foreach (var extension in options.Extensions)
        {
            extension.Configure(context);
        }

        if (settings.Otlp.Endpoint is { } endpoint && !context.OtlpExported)
        {
            // Configured but not exported: said once, at start, where a person sees it.
            options.FailureOutput?.WriteLine($"TradingLog: logging.otlp.endpoint is {endpoint} but {service} does not export to it: add the " +
                "TradingLog.OpenTelemetry package and options.UseOpenTelemetry().");
        }

        options.ConfigureSerilog?.Invoke(configuration);
        var logger = configuration.CreateLogger();
        var host = new TradingLogHost(service, settings, logger, health, [.. targets.Select(t => t.File.FullPath)], resources, components, stopping)
        {
            WorkingDirectory = workingDirectory,
            Audited = options.AuditEvents,
            ConfigurationFiles = configurationFiles ?? [],
        };
        host.AuditStarted(configurationFiles ?? [], environmentName);
        if (options.FlushOnTermination)
        {
            host.FlushOnTermination();
        }

        if (settings.HeartbeatInterval > TimeSpan.Zero)
        {
            // Stopped when the host begins to stop, before the sinks close.
            host.Heartbeat = new Heartbeat(host, settings.HeartbeatInterval);
        }

        if (settings.Performance.LogDatabaseQueries)
        {
            resources.Add(new DatabaseQueryTimer(host.Logger.ForCategory(LogCategory.Performance)));
        }

        return host;
    }

    /// <summary>A batched sink behind a bounded queue: the call site only enqueues; a writer thread formats and writes.</summary>
    internal static (ILogEventSink Sink, QueueGauge Gauge) Batched(IBatchedLogEventSink sink, int capacity, QueueFullMode mode, TradingLogHealth health,
        int batchSize = FileBatchSize, TimeSpan? bufferingTime = null, Action? onDropped = null)
    {
        var gauge = new QueueGauge();
        var options = new BatchingQueueOptions
        {
            Capacity = capacity, FullMode = mode, BatchSize = batchSize, BufferingTime = bufferingTime ?? FileBufferingTime, OnDropped = onDropped,
        };
        return (new BatchingQueue(sink, gauge, options, health), gauge);
    }

    private static List<FileTarget> CreateTargets(string service, TradingLogSettings settings, string workingDirectory, TradingLogHealth health)
    {
        var routes = new List<(string Name, string Path, Func<LogEvent, bool> Accepts)>
        {
            (service, settings.FileOf(service), _ => true),
            ("main", settings.Files.Main, _ => true),
            ("errors", settings.Files.Errors, e => e.Level >= LogEventLevel.Error),
            ("system", settings.Files.System, e => e.IsCategory(LogCategory.System)),
            ("trades", settings.Files.Trades, e => e.IsCategory(LogCategory.Trading)),
            ("performance", settings.Files.Performance, e => e.IsCategory(LogCategory.Performance)),
        };

        // Two routes to one file (say, files.main pointed at the service's file) write each line once.
        var targets = new List<FileTarget>();
        foreach (var group in routes.Where(r => !string.IsNullOrWhiteSpace(r.Path))
                     .GroupBy(r => Path.GetFullPath(r.Path, workingDirectory), StringComparer.Ordinal))
        {
            var accepts = group.Select(r => r.Accepts).ToArray();
#pragma warning disable CA2000 // the target owns the file, the host disposes the targets
            var file = new RollingLogFile(group.Key, settings.Rotation);
#pragma warning restore CA2000
            targets.Add(new FileTarget(string.Join("+", group.Select(r => r.Name)), file,
                accepts.Length == 1 ? accepts[0] : e => accepts.Any(a => a(e)), health, FileTarget.DefaultMaxPendingBytes));
        }

        return targets;
    }

}
