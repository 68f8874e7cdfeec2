using Npgsql;

namespace TradingLog.PostgreSql.Server;

/// <summary>Where the embedded server listens and how to reach it.</summary>
internal sealed class EmbeddedServerInfo
{
    internal EmbeddedServerInfo(string dataDirectory, int port, string user, string password, bool running)
    {
        DataDirectory = dataDirectory;
        Port = port;
        User = user;
        Password = password;
        Running = running;
    }

    /// <summary>The data directory actually used.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback TCP port.</summary>
    public int Port { get; }

    /// <summary>The superuser TradingLog created.</summary>
    public string User { get; }

    internal string Password { get; }

    /// <summary>Whether the server answered when this was read.</summary>
    public bool Running { get; }

    /// <summary>Whether this call started the server (it was not running before).</summary>
    public bool StartedNow { get; init; }

    /// <summary>A connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = EmbeddedPostgres.DefaultDatabase) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Password = Password,
        Database = database,
    }.ConnectionString;
}
