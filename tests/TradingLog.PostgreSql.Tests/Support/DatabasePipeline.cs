using TradingLog.Configuration;

namespace TradingLog.PostgreSql.Tests.Support;

/// <summary>A real pipeline with the PostgreSQL sink pointed at one test database, files and spool in a temp folder.</summary>
public static class DatabasePipeline
{
    public static TradingLogHost Create(string service, string connectionString, TempFolder folder, Action<TradingLogSettings>? change = null)
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero; // tests count exact rows
        settings.Database.ConnectionString = connectionString;
        change?.Invoke(settings);
        return TradingLogging.Configure(service, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = folder.Path;
            o.AuditEvents = false; // tests count exact rows; the audit tests turn it back on
            o.UsePostgreSql();
        });
    }
}
