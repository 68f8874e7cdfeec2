using System.Globalization;
using TradingLog;
using TradingLog.Configuration;

// A child process for the multi-process file test: it logs N numbered lines to the shared files of one service.
// Usage: LogWriter <working-directory> <writer-id> <line-count> <size-limit-bytes> <compression>
var directory = args[0];
var writer = args[1];
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var settings = new TradingLogSettings();
settings.Console.Enabled = false;
settings.Rotation.SizeLimitBytes = long.Parse(args[3], CultureInfo.InvariantCulture);
settings.Rotation.Compression = bool.Parse(args[4]);
settings.Format = "{level} | {message}";

using (var host = TradingLogging.Configure("execution", o =>
       {
           o.Settings = settings;
           o.WorkingDirectory = directory;
       }))
{
    for (var i = 0; i < count; i++)
    {
        host.Logger.Info("writer {Writer} line {Line} padding {Padding}", writer, i, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        if (i % 100 == 0)
        {
            Thread.Sleep(1);
        }
    }
}

return 0;
