namespace TradingSystem;

/// <summary>The design's six services, in the order a trade flows through them.</summary>
internal static class ServiceNames
{
    public const string DataIngestion = "data_ingestion";
    public const string StrategyEngine = "strategy_engine";
    public const string Execution = "execution";
    public const string RiskManagement = "risk_management";
    public const string Analytics = "analytics";
    public const string Notification = "notification";

    public static readonly string[] All = [DataIngestion, StrategyEngine, Execution, RiskManagement, Analytics, Notification];
}
