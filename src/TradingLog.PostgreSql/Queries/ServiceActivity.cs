namespace TradingLog.PostgreSql.Queries;

/// <summary>What one service logged in a window, for the health page.</summary>
/// <param name="Service">The service.</param>
/// <param name="LastEvent">Its newest event of all time in the active table (UTC), or null.</param>
/// <param name="Events">Events in the window.</param>
/// <param name="Errors">ERROR and CRITICAL events in the window.</param>
/// <param name="Warnings">WARNING events in the window.</param>
public sealed record ServiceActivity(string Service, DateTimeOffset? LastEvent, long Events, long Errors, long Warnings);
