namespace TradingLog.Alerting.Configuration;

/// <summary>How a receiver is reached.</summary>
internal enum ReceiverKind
{
    /// <summary>A JSON POST (TradingLog's payload, or Slack's with <c>format: slack</c>).</summary>
    Webhook,

    /// <summary>Prometheus Alertmanager's v2 API (<c>POST /api/v2/alerts</c>).</summary>
    Alertmanager,
}
