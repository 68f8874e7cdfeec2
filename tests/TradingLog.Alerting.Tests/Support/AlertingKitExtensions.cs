using TradingLog.Alerting.Engine;

namespace TradingLog.Alerting.Tests.Support;

internal static class AlertingKitExtensions
{
    public static string Name(AlertInstance alert) => AlertStateMachine.Name(alert.Status);
}
