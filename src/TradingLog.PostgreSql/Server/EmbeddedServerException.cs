namespace TradingLog.PostgreSql.Server;

/// <summary>The embedded PostgreSQL server could not be initialised, started or stopped. The message says why and what to do.</summary>
public sealed class EmbeddedServerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddedServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public EmbeddedServerException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
