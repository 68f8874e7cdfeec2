namespace TradingSystem;

/// <summary>The incidents this service was told about (<c>POST /incidents</c>), and whether one is on now.</summary>
internal sealed class IncidentSwitch
{
    private volatile IReadOnlyList<Incident> _plan = [];

    public void Set(IReadOnlyList<Incident> plan) => _plan = plan;

    public bool Active(string name)
    {
        var now = DateTimeOffset.UtcNow;
        return _plan.Any(i => i.Name == name && now >= i.StartsAt && now < i.EndsAt);
    }
}
