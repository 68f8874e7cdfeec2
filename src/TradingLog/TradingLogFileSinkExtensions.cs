using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting;
using TradingLog;
using TradingLog.Configuration;
using TradingLog.Diagnostics;
using TradingLog.Files;
using TradingLog.Formatting;
using TradingLog.Pipeline;

namespace Serilog;

/// <summary>
/// <c>WriteTo.TradingLogFile(...)</c>: one of TradingLog's rotating files — the design's Loguru format, rolled by size
/// and period with gzip and retention, shared safely by several processes, lines kept in memory while the file cannot
/// be written — for an application that keeps its own Serilog pipeline. Plain parameters, so it also works from
/// <c>appsettings.json</c> through Serilog.Settings.Configuration (<c>"Using": ["TradingLog"]</c>).
/// </summary>
public static class TradingLogFileSinkExtensions
{
    /// <summary>Writes every event as one line (and its exception on the lines after it) to <paramref name="path"/>.</summary>
    /// <param name="sinkConfiguration">The pipeline's <c>WriteTo</c>.</param>
    /// <param name="path">The active file, relative to the working directory (<c>logs/trading.log</c>).</param>
    /// <param name="format">A Loguru format string; default the design's.</param>
    /// <param name="json">One JSON object per line instead of <paramref name="format"/>.</param>
    /// <param name="rotationSize">Roll before a write would pass this: "10 MB", "512 KiB".</param>
    /// <param name="rotationTime">Also roll when the period changes: hourly, daily, weekly, monthly or never.</param>
    /// <param name="retention">Rolled files older than this are deleted: "30 days", "2 weeks".</param>
    /// <param name="compression">Gzip rolled files.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level written.</param>
    /// <returns>The logger configuration, to chain more calls.</returns>
    /// <exception cref="ArgumentException">A parameter's value is not understood; the message names the parameter and says what is expected.</exception>
    public static LoggerConfiguration TradingLogFile(this LoggerSinkConfiguration sinkConfiguration, string path,
        string format = TradingLogSettings.DefaultFormat, bool json = false, string rotationSize = "10 MB", string rotationTime = "daily",
        string retention = "30 days", bool compression = RotationSettings.DefaultCompression,
        LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var rotation = new RotationSettings
        {
            SizeLimitBytes = (long)Parse(SettingParsers.Size, rotationSize, nameof(rotationSize)),
            Interval = (RotationInterval)Parse(SettingParsers.Interval, rotationTime, nameof(rotationTime)),
            RetentionDays = (int)Parse(SettingParsers.Days, retention, nameof(retention)),
            Compression = compression,
        };
        var template = (string)Parse(SettingParsers.Format, format, nameof(format));
        ITextFormatter formatter = json ? new JsonLineFormatter(structured: true) : new TextLineFormatter(LoguruTemplate.Parse(template));
        var health = new TradingLogHealth { Output = Console.Error };
#pragma warning disable CA2000 // ownership passes down the chain to the logger, which disposes the queue, the sink set and the file
        var target = new FileTarget("file", new RollingLogFile(Path.GetFullPath(path), rotation), _ => true, health, FileTarget.DefaultMaxPendingBytes);
        target.Probe();
        var (sink, _) = PipelineBuilder.Batched(new FileSinkSet([target], formatter, health), TradingLogOptions.DefaultQueueCapacity,
            TradingLogOptions.DefaultFileQueueFullMode, health);
#pragma warning restore CA2000
        return sinkConfiguration.Sink(sink, restrictedToMinimumLevel);
    }

    private static object Parse(Func<string?, object> parser, string value, string parameter)
    {
        try
        {
            return parser(value);
        }
        catch (SettingValueException e)
        {
            throw new ArgumentException(e.Message, parameter, e);
        }
    }
}
