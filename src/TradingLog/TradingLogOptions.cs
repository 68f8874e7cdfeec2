using Serilog;
using Serilog.Core;
using TradingLog.Configuration;

namespace TradingLog;

/// <summary>How <see cref="TradingLogging.Configure"/> builds the pipeline of one service.</summary>
public sealed class TradingLogOptions
{
    /// <summary>Default number of events a file or console queue holds before the call site waits.</summary>
    public const int DefaultQueueCapacity = 100_000;

    /// <summary>Default behaviour of a full file queue: wait (bounded by <see cref="DefaultMaxBlock"/>).</summary>
    public const Pipeline.QueueFullMode DefaultFileQueueFullMode = Pipeline.QueueFullMode.Block;

    /// <summary>Default longest wait of a call site for room in a full file queue, before it drops and counts.</summary>
    public static readonly TimeSpan DefaultMaxBlock = TimeSpan.FromSeconds(1);

    /// <summary>Settings to use as they are. Null loads them with <see cref="Configuration"/>.</summary>
    public TradingLogSettings? Settings { get; set; }

    /// <summary>Where the configuration is read from when <see cref="Settings"/> is null.</summary>
    public TradingLogConfigurationOptions Configuration { get; } = new();

    /// <summary>The folder relative log paths are resolved against. Null is the current directory.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Told of every logging failure, in addition to <see cref="Diagnostics.TradingLogHealth"/> and SelfLog.</summary>
    public ILoggingFailureListener? FailureListener { get; set; }

    /// <summary>
    /// Where failures a person must see are written as they first happen: a log file that cannot be written (with the OS
    /// error), the database or spool failing, events dropped. Each kind is written at most once a minute. Default: the
    /// process's standard error; null writes nothing there (the failures are still counted in
    /// <see cref="Diagnostics.TradingLogHealth"/> and reported to <see cref="FailureListener"/> and SelfLog).
    /// </summary>
    public TextWriter? FailureOutput { get; set; } = Console.Error;

    /// <summary>Events a file or console queue holds before the call site waits (bounded) or drops.</summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>
    /// What a call does when the file queue is full: <see cref="Pipeline.QueueFullMode.Block"/> (the default) waits up to
    /// <see cref="DefaultMaxBlock"/> for room, so that no line is lost to a burst; <see cref="Pipeline.QueueFullMode.Drop"/>
    /// never waits and counts the drop in <see cref="Diagnostics.TradingLogHealth.QueueDropped"/>.
    /// </summary>
    public Pipeline.QueueFullMode FileQueueFullMode { get; set; } = DefaultFileQueueFullMode;

    /// <summary>Packages that add to the pipeline, such as the PostgreSQL sink.</summary>
    public IList<ITradingLogExtension> Extensions { get; } = [];

    /// <summary>
    /// Flush everything when the process receives SIGTERM, SIGINT (Ctrl-C) or SIGQUIT, before it ends. On by default for
    /// console programs; the hosting integration turns it off because the host stops gracefully and then disposes the pipeline.
    /// </summary>
    public bool FlushOnTermination { get; set; } = true;

    /// <summary>Default of <see cref="AuditEvents"/>: on, as the design asks.</summary>
    public const bool DefaultAuditEvents = true;

    /// <summary>
    /// Log the pipeline's start and stop as audit events (<see cref="TradingLog.AuditEvents.ServiceStarted"/>,
    /// <see cref="TradingLog.AuditEvents.ServiceStopped"/>). Default: <see cref="DefaultAuditEvents"/>.
    /// </summary>
    public bool AuditEvents { get; set; } = DefaultAuditEvents;

    /// <summary>Last-chance changes to the Serilog configuration (extra sinks or enrichers).</summary>
    public Action<LoggerConfiguration>? ConfigureSerilog { get; set; }
}
