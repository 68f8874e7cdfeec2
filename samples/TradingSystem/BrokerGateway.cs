namespace TradingSystem;

/// <summary>
/// The simulated broker: one order in twenty fails as a real gateway does, with an exception and its cause; during a
/// <see cref="Incident.BrokerOutage"/> every order fails.
/// </summary>
internal static class BrokerGateway
{
    /// <exception cref="HttpRequestException">The gateway answered 503 (about one call in twenty), or is unreachable (an outage).</exception>
    public static void Submit(Order order, IncidentSwitch incidents)
    {
        if (incidents.Active(Incident.BrokerOutage))
        {
            throw new HttpRequestException("broker gateway unreachable: connection refused", null, System.Net.HttpStatusCode.ServiceUnavailable);
        }

        if (Random.Shared.Next(20) != 0)
        {
            return;
        }

        try
        {
            throw new TimeoutException($"no answer for {order.TradeId} within 5 s");
        }
        catch (TimeoutException e)
        {
            throw new HttpRequestException("broker gateway returned 503", e, System.Net.HttpStatusCode.ServiceUnavailable);
        }
    }
}
