using Serilog.Events;

namespace TradingLog.Configuration;

/// <summary>
/// The effective configuration of TradingLog: the <c>logging:</c> section of <c>config/logging.yaml</c>, with built-in
/// defaults equal to the design's file. Build one with <see cref="TradingLogConfiguration.Load"/> or by hand.
/// </summary>
public sealed class TradingLogSettings
{
    /// <summary>The design's Loguru format string, the default of <see cref="Format"/>.</summary>
    public const string DefaultFormat = "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} | {message}";

    /// <summary>Default level of services without their own entry.</summary>
    public const LogEventLevel DefaultLevel = LogEventLevel.Information;

    /// <summary>Default level of framework and library categories (Microsoft.*, System.*, Npgsql.*).</summary>
    public const LogEventLevel DefaultRootLevel = LogEventLevel.Information;

    /// <summary>Default: structured properties are kept in JSON lines and database metadata.</summary>
    public const bool DefaultStructured = true;

    /// <summary>Default: files hold formatted text lines, not JSON.</summary>
    public const bool DefaultJsonFormat = false;

    /// <summary>Default of <see cref="HeartbeatInterval"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(30);

    /// <summary>The level of services without a <c>services</c> entry, and of the CLI (<c>logging.level</c>).</summary>
    public LogEventLevel Level { get; set; } = DefaultLevel;

    /// <summary>The level of framework and library categories, the "root logger" (<c>logging.root_level</c>).</summary>
    public LogEventLevel RootLevel { get; set; } = DefaultRootLevel;

    /// <summary>Rotation of the log files (<c>logging.rotation</c>).</summary>
    public RotationSettings Rotation { get; } = new();

    /// <summary>The Loguru format of text lines (<c>logging.format</c>).</summary>
    public string Format { get; set; } = DefaultFormat;

    /// <summary>The shared files (<c>logging.files</c>).</summary>
    public LogFileSettings Files { get; } = new();

    /// <summary>Database logging (<c>logging.database</c>).</summary>
    public DatabaseSettings Database { get; } = new();

    /// <summary>Retention and cleanup (<c>logging.retention</c>).</summary>
    public RetentionSettings Retention { get; } = new();

    /// <summary>Per-service levels and files (<c>logging.services</c>), keyed by service name.</summary>
    public IDictionary<string, ServiceSettings> Services { get; } = CreateDefaultServices();

    /// <summary>Keep structured properties in JSON lines and database metadata (<c>logging.structured</c>).</summary>
    public bool Structured { get; set; } = DefaultStructured;

    /// <summary>Write one JSON object per line instead of the text format (<c>logging.json_format</c>).</summary>
    public bool JsonFormat { get; set; } = DefaultJsonFormat;

    /// <summary>
    /// How often each service logs a <see cref="HealthEvents.Heartbeat"/> event with its sink health, which the dashboard's
    /// health page reads (<c>logging.heartbeat_interval</c>, 0 s to 1 h; 0 turns heartbeats off). Default:
    /// <see cref="DefaultHeartbeatInterval"/>.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = DefaultHeartbeatInterval;

    /// <summary>Performance scopes (<c>logging.performance</c>).</summary>
    public PerformanceSettings Performance { get; } = new();

    /// <summary>OpenTelemetry export (<c>logging.otlp</c>).</summary>
    public OtlpSettings Otlp { get; } = new();

    /// <summary>The console sink (<c>logging.console</c>).</summary>
    public ConsoleSettings Console { get; } = new();

    /// <summary>The design's six services with their levels and files.</summary>
    public static IReadOnlyDictionary<string, LogEventLevel> DesignServices { get; } = new Dictionary<string, LogEventLevel>
    {
        ["data_ingestion"] = LogEventLevel.Information,
        ["strategy_engine"] = LogEventLevel.Debug,
        ["execution"] = LogEventLevel.Information,
        ["risk_management"] = LogEventLevel.Warning,
        ["analytics"] = LogEventLevel.Information,
        ["notification"] = LogEventLevel.Information,
    };

    /// <summary>Normalises a service name: lower case, with '-' and ' ' as '_' (so "Risk Management" is <c>risk_management</c>).</summary>
    public static string NormalizeServiceName(string service) =>
        service.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    /// <summary>The minimum level of a service: its own entry's level, else <see cref="Level"/>.</summary>
    public LogEventLevel LevelOf(string service) =>
        Services.TryGetValue(NormalizeServiceName(service), out var s) && s.Level is { } level ? level : Level;

    /// <summary>The file of a service: its own entry's file, else <c>logs/{service}.log</c>.</summary>
    public string FileOf(string service)
    {
        var name = NormalizeServiceName(service);
        return Services.TryGetValue(name, out var s) && s.File is { } file ? file : $"logs/{name}.log";
    }

    private static Dictionary<string, ServiceSettings> CreateDefaultServices()
    {
        var services = new Dictionary<string, ServiceSettings>(StringComparer.Ordinal);
        foreach (var (name, level) in DesignServices)
        {
            services[name] = new ServiceSettings { Level = level, File = $"logs/{name}.log" };
        }

        return services;
    }
}
