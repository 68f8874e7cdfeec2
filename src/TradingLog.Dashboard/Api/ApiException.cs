namespace TradingLog.Dashboard.Api;

/// <summary>A request the API refuses; the message names the parameter and what it accepts. Answered 400.</summary>
internal sealed class ApiException(string parameter, string message) : Exception($"{parameter}: {message}")
{
    public string Parameter { get; } = parameter;
}
