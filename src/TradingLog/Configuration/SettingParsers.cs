using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using Serilog.Events;
using TradingLog.Formatting;

namespace TradingLog.Configuration;

/// <summary>Parsers of setting values. Each throws <see cref="SettingValueException"/> with a sentence that says what is expected.</summary>
internal static partial class SettingParsers
{
    public static object Level(string? raw) =>
        LevelNames.TryParse(raw, out var level)
            ? level
            : throw new SettingValueException($"{Echo.Of(raw)} is not a level; use one of DEBUG, INFO, WARNING, ERROR, CRITICAL");

    public static string LevelText(LogEventLevel level) => LevelNames.ToName(level);

    public static object Bool(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new SettingValueException($"{Echo.Of(raw)} is not true or false"),
    };

    public static Func<string?, object> Int(int min) => raw =>
        int.TryParse(raw?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new SettingValueException($"{Echo.Of(raw)} is not a whole number of at least {min}");

    /// <summary>A duration between <paramref name="min"/> and <paramref name="max"/>: "5 s", "500 ms", "2 min", or plain seconds.</summary>
    public static Func<string?, object> Duration(TimeSpan min, TimeSpan max) => raw =>
    {
        var match = DurationPattern().Match(raw ?? "");
        var value = match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * (match.Groups[2].Value.ToLowerInvariant() switch
            {
                "ms" => 0.001,
                "" or "s" or "sec" or "second" or "seconds" => 1,
                _ => 60,
            })
            : -1;
        return value >= min.TotalSeconds && value <= max.TotalSeconds
            ? TimeSpan.FromSeconds(value)
            : throw new SettingValueException(
                $"{Echo.Of(raw)} is not a duration from {DurationText(min)} to {DurationText(max)}; " +
                "write a number and a unit such as \"5 s\", \"500 ms\" or \"1 min\"");
    };

    public static string DurationText(TimeSpan value) =>
        value.TotalSeconds >= 1 && value.Milliseconds == 0
            ? value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"
            : value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";

    public static object Size(string? raw)
    {
        var match = SizePattern().Match(raw ?? "");
        if (!match.Success)
        {
            throw new SettingValueException($"{Echo.Of(raw)} is not a size; write a number and a unit such as \"10 MB\", \"512 KiB\" or \"1 GB\"");
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var multiplier = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1d,
            "KB" => 1e3, "KIB" => 1024d,
            "MB" => 1e6, "MIB" => 1024d * 1024,
            "GB" => 1e9, "GIB" => 1024d * 1024 * 1024,
            "TB" => 1e12, "TIB" => 1024d * 1024 * 1024 * 1024,
            _ => 0,
        };
        var bytes = number * multiplier;
        return bytes >= 1 && bytes <= long.MaxValue
            ? (long)bytes
            : throw new SettingValueException($"{Echo.Of(raw)} is not a size of at least one byte");
    }

    public static string SizeText(long bytes)
    {
        foreach (var (unit, size) in new[] { ("GB", 1_000_000_000L), ("MB", 1_000_000L), ("KB", 1_000L),
            ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10) })
        {
            if (bytes % size == 0)
            {
                return $"{bytes / size} {unit}";
            }
        }

        return $"{bytes} B";
    }

    public static object Days(string? raw)
    {
        var text = raw?.Trim() ?? "";
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var plain) && plain >= 1)
        {
            return plain;
        }

        var match = DaysPattern().Match(text);
        if (match.Success)
        {
            var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var days = match.Groups[2].Value.ToLowerInvariant() switch
            {
                "w" or "week" or "weeks" => n * 7,
                "month" or "months" => n * 30,
                _ => n,
            };
            if (days >= 1)
            {
                return days;
            }
        }

        throw new SettingValueException($"{Echo.Of(raw)} is not a duration in days; write for example \"30 days\", \"2 weeks\" or 30");
    }

    public static string DaysText(int days) => days == 1 ? "1 day" : $"{days} days";

    public static object Interval(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "daily" or "day" or "1 day" or "00:00" => RotationInterval.Daily,
        "hourly" or "hour" or "1 hour" => RotationInterval.Hourly,
        "weekly" or "week" or "1 week" => RotationInterval.Weekly,
        "monthly" or "month" or "1 month" => RotationInterval.Monthly,
        "never" or "none" => RotationInterval.Never,
        _ => throw new SettingValueException($"{Echo.Of(raw)} is not a rotation time; use daily, hourly, weekly, monthly or never"),
    };

    public static object Cron(string? raw)
    {
        try
        {
            var text = raw?.Trim() ?? "";
            CronExpression.Parse(text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return text;
        }
        catch (CronFormatException e)
        {
            throw new SettingValueException($"{Echo.Of(raw)} is not a cron expression (five fields: minute hour day month weekday, such as \"0 2 * * *\"; " +
                $"a sixth leading field is seconds): {e.Message}");
        }
    }

    public static object TimeZone(string? raw)
    {
        var text = raw?.Trim() ?? "";
        if (text.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            return "Local";
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text).Id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new SettingValueException($"{Echo.Of(raw)} is not a time zone; use an IANA name such as \"America/New_York\", \"UTC\" or Local");
        }
    }

    public static object TableName(string? raw) =>
        raw is not null && TablePattern().IsMatch(raw)
            ? raw
            : throw new SettingValueException($"{Echo.Of(raw)} is not a table name; use lower-case letters, digits and '_' (optionally schema.table)");

    public static object FilePath(string? raw) =>
        raw is null || raw.IndexOfAny(Path.GetInvalidPathChars()) < 0 && !raw.Contains('\0', StringComparison.Ordinal)
            ? raw?.Trim() ?? ""
            : throw new SettingValueException($"{Echo.Of(raw)} is not a file path");

    public static object Format(string? raw)
    {
        try
        {
            LoguruTemplate.Parse(raw ?? "");
            return raw ?? "";
        }
        catch (FormatException e)
        {
            throw new SettingValueException($"{Echo.Of(raw)} is not a valid format: {e.Message}");
        }
    }

    public static object QueueMode(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "block" => TradingLog.Pipeline.QueueFullMode.Block,
        "drop" => TradingLog.Pipeline.QueueFullMode.Drop,
        _ => throw new SettingValueException($"{Echo.Of(raw)} is not a queue mode; use block or drop"),
    };

    public static object? OptionalUrl(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        return Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new SettingValueException($"{Echo.Of(raw)} is not an http or https URL, such as http://127.0.0.1:4317");
    }

    public static object OtlpProtocol(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "grpc" => OtlpProtocolName.Grpc,
        "http/protobuf" or "http" => OtlpProtocolName.HttpProtobuf,
        _ => throw new SettingValueException($"{Echo.Of(raw)} is not an OTLP protocol; use grpc or http/protobuf"),
    };

    public static string OtlpProtocolText(OtlpProtocolName protocol) => protocol == OtlpProtocolName.Grpc ? "grpc" : "http/protobuf";

    /// <summary>Parses <c>name=value,name=value</c> (the form of <c>OTEL_EXPORTER_OTLP_HEADERS</c>; values may be percent-encoded).</summary>
    public static object Pairs(string? raw)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SettingValueException($"{Echo.Of(item)} is not name=value (write name=value,name=value, or a map)");
            }

            pairs[Uri.UnescapeDataString(item[..equals].Trim())] = Uri.UnescapeDataString(item[(equals + 1)..].Trim());
        }

        return pairs;
    }

    public static string PairsText(IDictionary<string, string> pairs, bool secret) =>
        pairs.Count == 0 ? "(none)" : string.Join(",", pairs.Select(p => p.Key + "=" + (secret ? "***" : p.Value)));

    public static object? OptionalText(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^(\d+)\s*(d|day|days|w|week|weeks|month|months)$", RegexOptions.IgnoreCase)]
    private static partial Regex DaysPattern();

    [GeneratedRegex(@"^([a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex TablePattern();

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|seconds?|min|minutes?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
