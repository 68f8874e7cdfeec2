using TradingLog.Configuration;

namespace TradingLog.Dashboard;

/// <summary>
/// How the dashboard reads the log store and protects itself. Given to
/// <see cref="Microsoft.Extensions.DependencyInjection.DashboardServiceCollectionExtensions.AddTradingLogDashboard"/>.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>Where <c>tradelog dashboard</c> listens unless told otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Default of <see cref="TailPollInterval"/>: 250 ms.</summary>
    public static readonly TimeSpan DefaultTailPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Default of <see cref="StatementTimeout"/>: 5 seconds.</summary>
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Default of <see cref="TailBufferSize"/>: 2,000 events.</summary>
    public const int DefaultTailBufferSize = 2_000;

    /// <summary>
    /// The access token. Null (the default) serves loopback requests only; set, every request must carry it as a bearer
    /// header or through the login form's cookie, and the dashboard may listen on any address.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>The TradingLog settings whose database is read; null loads <c>config/logging.yaml</c> from <see cref="WorkingDirectory"/>.</summary>
    public TradingLogSettings? Settings { get; set; }

    /// <summary>The folder relative paths (the embedded server's data directory) are resolved against; null for the current one.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>How often the one shared database poller of the live tail looks for new rows. 50 ms to 10 s.</summary>
    public TimeSpan TailPollInterval { get; set; } = DefaultTailPollInterval;

    /// <summary>
    /// The longest any dashboard query may run on the server (PostgreSQL's <c>statement_timeout</c>), so that a heavy page
    /// never slows the writers; a query cut by it answers 503 and says so. 100 ms to 5 min.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = DefaultStatementTimeout;

    /// <summary>
    /// Events held for one browser that reads slower than events arrive; past it the oldest are skipped and the browser is
    /// told how many. 100 to 100,000.
    /// </summary>
    public int TailBufferSize { get; set; } = DefaultTailBufferSize;

    /// <summary>Default of <see cref="EvaluateAlerts"/>: the dashboard evaluates the alert rules too.</summary>
    public const bool DefaultEvaluateAlerts = true;

    /// <summary>
    /// Whether this process also evaluates the alert rules (the <c>alerts:</c> section of the configuration, and
    /// <c>config/alerts.yaml</c>) and delivers their notifications. Several processes may: one evaluates at a time (a
    /// PostgreSQL advisory lock). The Alerts page works either way, from the alert tables.
    /// </summary>
    public bool EvaluateAlerts { get; set; } = DefaultEvaluateAlerts;

    /// <summary>Alert settings read by the caller already (the command line checks them at start); null reads them on first use.</summary>
    internal TradingLog.Alerting.Configuration.AlertingSettings? Alerting { get; set; }

    /// <summary>The thresholds of the health page's green, amber and red.</summary>
    public HealthThresholds Health { get; } = new();

    internal void Validate()
    {
        Check(TailPollInterval >= TimeSpan.FromMilliseconds(50) && TailPollInterval <= TimeSpan.FromSeconds(10), nameof(TailPollInterval), "50 ms to 10 s");
        Check(StatementTimeout >= TimeSpan.FromMilliseconds(100) && StatementTimeout <= TimeSpan.FromMinutes(5), nameof(StatementTimeout), "100 ms to 5 min");
        Check(TailBufferSize is >= 100 and <= 100_000, nameof(TailBufferSize), "100 to 100,000");
        Check(AccessToken is null || AccessToken.Length >= 16, nameof(AccessToken), "at least 16 characters");
        Health.Validate();
    }

    internal static void Check(bool valid, string name, string range)
    {
        if (!valid)
        {
            throw new ArgumentException($"DashboardOptions.{name} must be {range}", name);
        }
    }
}
