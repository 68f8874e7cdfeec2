using TradingLog.Configuration;

namespace TradingLog.PostgreSql.Sink;

/// <summary>The database sink's time bounds: one write (<c>database.write_timeout</c>) and a stop (<c>database.shutdown_timeout</c>).</summary>
internal sealed record SinkTimeouts(TimeSpan Write, TimeSpan Shutdown)
{
    public static SinkTimeouts Default { get; } = new(DatabaseSettings.DefaultWriteTimeout, DatabaseSettings.DefaultShutdownTimeout);

    public static SinkTimeouts From(DatabaseSettings settings) => new(settings.WriteTimeout, settings.ShutdownTimeout);
}
