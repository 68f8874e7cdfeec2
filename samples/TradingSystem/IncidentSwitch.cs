namespace TradingSystem;

/// <summary>The incidents this service was told about (<c>POST /incidents</c>), and whether one is on now.</summary>
internal sealed class IncidentSwitch
{
    private volatile IReadOnlyList<Incident> _plan = [];

    public void Set(IReadOnlyList<Incident> plan) => _plan = plan;

    public bool Active(string name) => Progress(name) is not null;

    /// <summary>How far into the incident of this name now is, from 0 to 1; null when none is on.</summary>
    public double? Progress(string name)
    {
        var now = DateTimeOffset.UtcNow;
        return _plan.Where(i => i.Name == name).Select(i => i.Progress(now)).FirstOrDefault(p => p is not null);
    }
}
