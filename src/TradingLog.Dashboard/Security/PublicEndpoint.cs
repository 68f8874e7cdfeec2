namespace TradingLog.Dashboard.Security;

/// <summary>Endpoint metadata: served without the access token (the login form and its stylesheet).</summary>
internal sealed class PublicEndpoint;
