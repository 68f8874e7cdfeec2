namespace TradingLog.Performance;

/// <summary>
/// Controls TradingLog's timing of database commands (<c>performance.track_database_queries</c>), which turns every
/// Npgsql command into a <c>db_query</c> performance event.
/// </summary>
public static class QueryTiming
{
    /// <summary>
    /// Stops timing the commands of the current asynchronous flow until the result is disposed. A sink that stores log
    /// events in a database calls it around its own writes, so that storing an event does not log another one.
    /// </summary>
    /// <returns>A scope; disposing it restores the previous state. Never null.</returns>
    public static IDisposable Suppress() => DatabaseQueryTimer.Suppress();
}
