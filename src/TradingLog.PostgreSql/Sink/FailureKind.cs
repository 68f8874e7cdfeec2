using System.Net.Sockets;
using Npgsql;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Why a write failed: the database is away (spool and retry), a row is bad (isolate it), a replay met a row already
/// stored, a day's partition was attached while the batch waited to route into the default partition (write it again),
/// or the server no longer takes the credentials (resolve the database again: the embedded server's were rebuilt).
/// </summary>
internal enum FailureKind
{
    Unavailable,
    BadData,
    Duplicate,
    PartitionMoved,
    CredentialsChanged,
}

/// <summary>Classifies write failures.</summary>
internal static class FailureClassifier
{
    public static FailureKind Classify(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => FailureKind.Duplicate,
        // A row routed to the default partition waited on its lock while the day's partition was attached; the default's
        // new constraint then refuses it. Written again, it routes to the new partition.
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } p when p.MessageText.Contains("partition constraint", StringComparison.Ordinal)
            => FailureKind.PartitionMoved,
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification }
            => FailureKind.CredentialsChanged,
        PostgresException p when p.SqlState.StartsWith("22", StringComparison.Ordinal)
                                 || p.SqlState.StartsWith("23", StringComparison.Ordinal)
                                 || p.SqlState == PostgresErrorCodes.ProgramLimitExceeded => FailureKind.BadData,
        PostgresException => FailureKind.Unavailable,
        NpgsqlException or SocketException or IOException or TimeoutException or OperationCanceledException => FailureKind.Unavailable,
        _ when e.InnerException is { } inner => Classify(inner),
        _ => FailureKind.BadData,
    };
}
