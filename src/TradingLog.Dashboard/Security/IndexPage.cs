namespace TradingLog.Dashboard.Security;

/// <summary>Endpoint metadata: the dashboard's page, which must be asked for with a trailing slash.</summary>
internal sealed class IndexPage;
