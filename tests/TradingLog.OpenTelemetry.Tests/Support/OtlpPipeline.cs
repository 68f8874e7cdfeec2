using TradingLog.Configuration;

namespace TradingLog.OpenTelemetry.Tests.Support;

/// <summary>A real pipeline (files in a temp folder, no database, no console) that exports to OTLP as <paramref name="change"/> says.</summary>
internal static class OtlpPipeline
{
    public static TradingLogHost Create(string service, TempFolder folder, Action<OtlpSettings> change)
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.Database.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero;
        change(settings.Otlp);
        return TradingLogging.Configure(service, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = folder.Path;
            o.AuditEvents = false;
            o.FailureOutput = null;
            o.UseOpenTelemetry();
        });
    }
}
