namespace TradingSystem;

/// <summary>What the orchestrator and the notification service agree on for alert delivery. Shared by both.</summary>
internal static class AlertDelivery
{
    /// <summary>The environment variable holding the webhook's HMAC secret (the demo makes one per run).</summary>
    public const string SecretVariable = "TRADINGSYSTEM_ALERT_SECRET";

    /// <summary>The event type of each delivered alert the notification service logs.</summary>
    public const string DeliveryEvent = "alert.delivery";
}
