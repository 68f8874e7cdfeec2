using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>
/// The query-string parameters every API endpoint shares, validated: a time range (<c>range</c> = 15m, 1h, 6h, 24h, 7d or
/// any number of s, m, h, d up to 400 days; or <c>from</c> and <c>to</c> in ISO 8601), the search <c>q</c>, <c>limit</c>
/// and the rest. A bad value throws <see cref="ApiException"/> naming the parameter.
/// </summary>
internal sealed partial class ApiQuery(HttpRequest request, TimeProvider time)
{
    /// <summary>The range when none is given: the last hour.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);
    private static readonly TimeSpan[] NiceBuckets =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
    ];

    private (DateTimeOffset From, DateTimeOffset To)? _range;

    public DateTimeOffset From => Range().From;

    public DateTimeOffset To => Range().To;

    /// <summary>A bucket width giving about <paramref name="buckets"/> buckets over the range (<c>bucket</c> in seconds overrides).</summary>
    public TimeSpan Bucket(int buckets = 120)
    {
        if (Text("bucket") is { } given)
        {
            return int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 86_400
                ? TimeSpan.FromSeconds(seconds)
                : throw new ApiException("bucket", $"'{Short(given)}' is not a whole number of seconds from 1 to 86400");
        }

        var ideal = (To - From) / buckets;
        return NiceBuckets.FirstOrDefault(b => b >= ideal, NiceBuckets[^1]);
    }

    public string? Text(string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } given)
        {
            return fallback;
        }

        return int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ApiException(name, $"'{Short(given)}' is not a whole number from {min} to {max}");
    }

    public long? Long(string name)
    {
        if (Text(name) is not { } given)
        {
            return null;
        }

        return long.TryParse(given, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiException(name, $"'{Short(given)}' is not a whole number");
    }

    public bool Bool(string name, bool fallback) => Text(name) switch
    {
        null => fallback,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        var other => throw new ApiException(name, $"'{Short(other)}' is not true or false"),
    };

    public DateTimeOffset? Time(string name)
    {
        if (Text(name) is not { } given)
        {
            return null;
        }

        return DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new ApiException(name, $"'{Short(given)}' is not an ISO 8601 time such as 2026-11-30T09:00:00Z");
    }

    /// <summary>A service name given as <c>service</c>, normalised.</summary>
    public string? Service() => Text("service") is { } service ? TradingLog.Configuration.TradingLogSettings.NormalizeServiceName(service) : null;

    /// <summary>The search <c>q</c> over the range, the archive included unless <c>archive=false</c>.</summary>
    public LogFilter Filter(bool archiveByDefault = true)
    {
        var baseFilter = new LogFilter { From = From, To = To, IncludeArchive = Bool("archive", archiveByDefault) };
        try
        {
            return LogFilterSyntax.Parse(Text("q"), baseFilter);
        }
        catch (FilterSyntaxException e)
        {
            throw new ApiException("q", e.Message);
        }
    }

    private (DateTimeOffset From, DateTimeOffset To) Range()
    {
        if (_range is { } known)
        {
            return known;
        }

        var now = time.GetUtcNow();
        if (Text("range") is not null && (Text("from") ?? Text("to")) is not null)
        {
            throw new ApiException("range", "give either range or from and to, not both");
        }

        var to = Time("to") ?? now;
        var from = Time("from");
        if (from is null)
        {
            var span = Text("range") is { } given ? Span(given) : DefaultRange;
            from = to - span;
        }

        if (from >= to)
        {
            throw new ApiException("from", "must be before 'to'");
        }

        if (to - from > MaxRange)
        {
            throw new ApiException("range", "at most 400 days");
        }

        _range = (from.Value, to);
        return _range.Value;
    }

    private static TimeSpan Span(string text)
    {
        var match = SpanPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
        {
            throw new ApiException("range", $"'{Short(text)}' is not a range such as 15m, 1h, 6h, 24h or 7d");
        }

        var span = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        return span <= MaxRange ? span : throw new ApiException("range", "at most 400 days");
    }

    /// <summary>A given value echoed in an error, cut to 40 characters.</summary>
    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^([0-9]{1,6})([smhd])$")]
    private static partial Regex SpanPattern();
}
