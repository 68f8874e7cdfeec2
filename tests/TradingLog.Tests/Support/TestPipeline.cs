using TradingLog.Configuration;

namespace TradingLog.Tests.Support;

/// <summary>Builds a real pipeline whose files live in a temp folder, with the console off and a collecting sink attached.</summary>
public static class TestPipeline
{
    public static TradingLogHost Create(string service, TempFolder folder, Action<TradingLogSettings>? change = null,
        CollectingSink? sink = null, Action<TradingLogOptions>? options = null)
    {
        var settings = new TradingLogSettings();
        settings.Console.Enabled = false;
        settings.HeartbeatInterval = TimeSpan.Zero; // tests count exact lines; the heartbeat tests set their own interval
        change?.Invoke(settings);
        return TradingLogging.Configure(service, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = folder.Path;
            o.AuditEvents = false; // tests count exact lines; the audit tests turn it back on
            if (sink is not null)
            {
                o.ConfigureSerilog = c => c.WriteTo.Sink(sink);
            }

            options?.Invoke(o);
        });
    }

    public static string[] Lines(TempFolder folder, string relative) =>
        File.Exists(folder[relative]) ? File.ReadAllLines(folder[relative]) : [];
}
