namespace TradingLog.PostgreSql.Server;

/// <summary>Who runs the server: this user, or, when this process is root, the <c>postgres</c> user (created as <c>tradelog</c> if absent).</summary>
internal static class UnixUser
{
    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>The user to run PostgreSQL as, or null for the current user.</summary>
    public static async Task<string?> ServerUserAsync(CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return null;
        }

        foreach (var candidate in new[] { "postgres", "tradelog" })
        {
            if ((await ProcessRunner.RunAsync("id", ["-u", candidate], null, TimeSpan.FromSeconds(10), cancellationToken)).ExitCode == 0)
            {
                return candidate;
            }
        }

        var created = await ProcessRunner.RunAsync("useradd",
            ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "tradelog"], null, TimeSpan.FromSeconds(30), cancellationToken);
        return created.ExitCode == 0 || created.Output.Contains("already exists", StringComparison.Ordinal)
            ? "tradelog"
            : throw new EmbeddedServerException(
                "running as root, TradingLog needs an unprivileged user for PostgreSQL, and 'useradd tradelog' failed: " + created.Output);
    }

    public static async Task GiveAsync(string path, string user, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("chown", ["-R", user + ":", path], null, TimeSpan.FromSeconds(60), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedServerException($"could not give {path} to user {user}: {result.Output}");
        }
    }

    public static async Task<bool> CanEnterAsync(string path, string user, CancellationToken cancellationToken) =>
        (await ProcessRunner.RunAsync("test", ["-x", path], user, TimeSpan.FromSeconds(10), cancellationToken)).ExitCode == 0;
}
