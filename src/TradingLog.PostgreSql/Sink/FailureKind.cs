using System.Net.Sockets;
using Npgsql;

namespace TradingLog.PostgreSql.Sink;

/// <summary>Why a write failed: the database is away (spool and retry), a row is bad (isolate it), or a replay met a row already stored.</summary>
internal enum FailureKind
{
    Unavailable,
    BadData,
    Duplicate,
}

/// <summary>Classifies write failures.</summary>
internal static class FailureClassifier
{
    public static FailureKind Classify(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => FailureKind.Duplicate,
        PostgresException p when p.SqlState.StartsWith("22", StringComparison.Ordinal)
                                 || p.SqlState.StartsWith("23", StringComparison.Ordinal)
                                 || p.SqlState == PostgresErrorCodes.ProgramLimitExceeded => FailureKind.BadData,
        PostgresException => FailureKind.Unavailable,
        NpgsqlException or SocketException or IOException or TimeoutException or OperationCanceledException => FailureKind.Unavailable,
        _ when e.InnerException is { } inner => Classify(inner),
        _ => FailureKind.BadData,
    };
}
