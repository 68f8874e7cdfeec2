namespace TradingLog.PostgreSql.Server;

/// <summary>Finds the installed PostgreSQL programs: on PATH, or under <c>/usr/lib/postgresql/*/bin</c> (newest first).</summary>
internal sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string Postgres => Path.Combine(Directory, "postgres");

    public static PostgresBinaries Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("TRADINGLOG_PG_BIN") is { Length: > 0 } explicitDirectory)
        {
            candidates.Add(explicitDirectory);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (System.IO.Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        var found = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return found is not null
            ? new PostgresBinaries(found)
            : throw new EmbeddedServerException(
                "PostgreSQL's programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
                "Install them (Debian: apt-get install postgresql) or configure a server with TRADINGLOG_CONNECTION.");
    }
}
