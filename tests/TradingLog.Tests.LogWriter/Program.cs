using System.Globalization;
using TradingLog;
using TradingLog.Configuration;
using TradingLog.PostgreSql;

// A child process for tests that need real processes.
// Files:    LogWriter <working-directory> <writer-id> <line-count> <size-limit-bytes> <compression>
//           logs numbered lines to the shared files of one service, then exits.
// Database: LogWriter db <working-directory> <connection-string> <event-count>
//           logs events to PostgreSQL, prints "ready" and waits to be stopped by a signal.
if (args[0] == "db")
{
    var dbSettings = new TradingLogSettings();
    dbSettings.Console.Enabled = false;
    dbSettings.Database.ConnectionString = args[2];
    var host = TradingLogging.Configure("execution", o =>
    {
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
settings.Rotation.SizeLimitBytes = long.Parse(args[3], CultureInfo.InvariantCulture);
settings.Rotation.Compression = bool.Parse(args[4]);
settings.Format = "{level} | {message}";

using (var fileHost = TradingLogging.Configure("execution", o =>
       {
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
