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

    public static ServerState? Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<ServerState>(File.ReadAllText(path)) : null;
    }

    public void Write(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
