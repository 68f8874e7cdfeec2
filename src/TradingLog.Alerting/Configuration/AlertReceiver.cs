namespace TradingLog.Alerting.Configuration;

/// <summary>One entry of <c>alerts.receivers</c>: where notifications go and how.</summary>
internal sealed record AlertReceiver
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultRetryFor = TimeSpan.FromHours(24);
    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryInterval = TimeSpan.FromMinutes(5);

    public required string Name { get; init; }
    public ReceiverKind Kind { get; init; } = ReceiverKind.Webhook;
    public required Uri Url { get; init; }

    /// <summary>Webhook payload: <c>json</c> (TradingLog's) or <c>slack</c> (an incoming-webhook message).</summary>
    public bool Slack { get; init; }

    /// <summary>The HMAC-SHA256 key of the <c>X-TradingLog-Signature</c> header; null for no signature.</summary>
    public string? Secret { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="MaxRetryInterval"/>.</summary>
    public TimeSpan RetryInterval { get; init; } = DefaultRetryInterval;

    /// <summary>How long a notification is retried before it is given up (and reported).</summary>
    public TimeSpan RetryFor { get; init; } = DefaultRetryFor;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
