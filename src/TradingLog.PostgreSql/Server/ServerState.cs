using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingLog.PostgreSql.Server;

/// <summary>What TradingLog remembers of its embedded server, in <c>tradelog.json</c> inside the data directory (mode 600).</summary>
internal sealed record ServerState(
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("password")] string Password)
{
    public const string FileName = "tradelog.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>The state in <paramref name="dataDirectory"/>, or null when there is no state file.</summary>
    /// <exception cref="DamagedServerStateException">The file is there but cannot be used; the exception names it.</exception>
    public static ServerState? Read(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (Directory.Exists(path))
        {
            throw new DamagedServerStateException(path, "is a directory, not TradingLog's state file", canRebuild: false);
        }

        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Not ours to replace: the file may be fine and belong to the user who runs the server.
            throw new DamagedServerStateException(path, "cannot be read (" + (e is UnauthorizedAccessException ? "permission denied" : e.Message) + ")",
                canRebuild: false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DamagedServerStateException(path, "is empty", canRebuild: true);
        }

        ServerState? state;
        try
        {
            state = JsonSerializer.Deserialize<ServerState>(text);
        }
        catch (JsonException e)
        {
            throw new DamagedServerStateException(path, "is not valid JSON (" + e.Message + ")", canRebuild: true);
        }

        return state is { Port: > 0 and < 65536, User.Length: > 0, Password.Length: > 0 }
            ? state
            : throw new DamagedServerStateException(path, "lacks the port, user or password", canRebuild: true);
    }

    /// <summary>
    /// Removes what a crash between writing and renaming left (<c>tradelog.json.PID.tmp</c>). Call under the start lock,
    /// which every writer holds.
    /// </summary>
    public static void RemoveInterruptedWrites(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory))
        {
            return;
        }

        foreach (var temporary in Directory.EnumerateFiles(dataDirectory, FileName + ".*.tmp"))
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Harmless where it is: it is never read as state.
            }
        }
    }

    public void Write(string dataDirectory)
    {
        // Written beside and renamed over, so a crash never leaves a half-written state file.
        var path = PathIn(dataDirectory);
        var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The embedded server's state file is there but unusable: empty, not JSON, incomplete, unreadable or not a file.</summary>
internal sealed class DamagedServerStateException(string path, string problem, bool canRebuild)
    : Exception($"the embedded server's state file {path} {problem}")
{
    public string StatePath { get; } = path;

    /// <summary>What is wrong with it, as the end of a sentence that starts with the file's path.</summary>
    public string Problem { get; } = problem;

    /// <summary>Whether TradingLog may put the file aside and rebuild the state from the cluster.</summary>
    public bool CanRebuild { get; } = canRebuild;
}
