using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingLog;
using TradingLog.Hosting;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

// A child process for tests that need real processes.
// Files:    LogWriter <working-directory> <writer-id> <line-count> <size-limit-bytes> <compression>
//           logs numbered lines to the shared files of one service, then exits.
// Database: LogWriter db <working-directory> <connection-string> <event-count>
//           logs events to PostgreSQL, prints "ready" and waits to be stopped by a signal.
// Crash:    LogWriter crash <working-directory> <connection-string|none> <event-count> [hosted]
//           logs event-count - 1 INFO events and one ERROR, then throws on a new thread and never catches it;
//           "hosted" builds the pipeline with builder.AddTradingLogging in a generic host instead.
// Steady:   LogWriter steady <working-directory> <connection-string> <burst> <per-second>
//           logs a burst, prints "ready", then logs per-second events a second (numbered) until stopped by a signal.
if (args[0] == "crash")
{
    void Configure(TradingLogOptions o)
    {
        o.Settings = Settings(args[2]);
        o.WorkingDirectory = args[1];
        o.AuditEvents = false; // the tests count exact lines and rows
        if (args[2] != "none")
        {
            o.UsePostgreSql();
        }
    }

    TradingLogHost crashing;
    if (args.Length > 4 && args[4] == "hosted")
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddTradingLogging("execution", Configure);
        var app = builder.Build();
        app.Start();
        crashing = app.Services.GetRequiredService<TradingLogHost>();
    }
    else
    {
        crashing = TradingLogging.Configure("execution", Configure);
    }

    var events = int.Parse(args[3], CultureInfo.InvariantCulture);
    for (var i = 0; i < events - 1; i++)
    {
        crashing.Logger.Info("before the crash {N}", i);
    }

    crashing.Logger.Error("before the crash {N}", events - 1);
    new Thread(() => throw new InvalidOperationException("order book corrupted")) { Name = "order-router" }.Start();
    Thread.Sleep(Timeout.Infinite);
    return 0;
}

if (args[0] == "steady")
{
    var steady = TradingLogging.Configure("execution", o =>
    {
        o.AuditEvents = false; // the tests count exact lines and rows
        o.Settings = Settings(args[2]);
        o.Settings.Database.WriteTimeout = TimeSpan.FromSeconds(2);
        o.WorkingDirectory = args[1];
        o.UsePostgreSql();
    });
    var burst = int.Parse(args[3], CultureInfo.InvariantCulture);
    var perSecond = int.Parse(args[4], CultureInfo.InvariantCulture);
    var n = 0;
    for (; n < burst; n++)
    {
        steady.Logger.Info("steady {N}", n);
    }

    Console.WriteLine("ready");
    while (true)
    {
        Thread.Sleep(1000 / perSecond);
        steady.Logger.Info("steady {N}", n++);
    }
}

if (args[0] == "db")
{
    var dbSettings = new TradingLogSettings();
    dbSettings.Console.Enabled = false;
    dbSettings.HeartbeatInterval = TimeSpan.Zero;
    dbSettings.Database.ConnectionString = args[2];
    var host = TradingLogging.Configure("execution", o =>
    {
        o.AuditEvents = false; // the tests count exact lines and rows
        o.Settings = dbSettings;
        o.WorkingDirectory = args[1];
        o.UsePostgreSql();
    });
    var events = int.Parse(args[3], CultureInfo.InvariantCulture);
    for (var i = 0; i < events; i++)
    {
        host.Logger.Info("before the signal {N}", i);
    }

    Console.WriteLine("ready");
    Thread.Sleep(Timeout.Infinite);
    return 0;
}

var directory = args[0];
var writer = args[1];
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var settings = new TradingLogSettings();
settings.Console.Enabled = false;
settings.HeartbeatInterval = TimeSpan.Zero;
settings.Rotation.SizeLimitBytes = long.Parse(args[3], CultureInfo.InvariantCulture);
settings.Rotation.Compression = bool.Parse(args[4]);
settings.Format = "{level} | {message}";

using (var fileHost = TradingLogging.Configure("execution", o =>
       {
           o.AuditEvents = false; // the tests count exact lines and rows
           o.Settings = settings;
           o.WorkingDirectory = directory;
       }))
{
    for (var i = 0; i < count; i++)
    {
        fileHost.Logger.Info("writer {Writer} line {Line} padding {Padding}", writer, i, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        if (i % 100 == 0)
        {
            Thread.Sleep(1);
        }
    }
}

return 0;

static TradingLogSettings Settings(string connection)
{
    var settings = new TradingLogSettings();
    settings.Console.Enabled = false;
    settings.HeartbeatInterval = TimeSpan.Zero;
    settings.Format = "{level} | {message}";
    if (connection != "none")
    {
        settings.Database.ConnectionString = connection;
    }

    return settings;
}
