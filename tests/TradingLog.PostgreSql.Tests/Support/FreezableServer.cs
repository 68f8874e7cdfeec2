using TradingLog.PostgreSql.Server;

namespace TradingLog.PostgreSql.Tests.Support;

/// <summary>
/// An embedded server of one test's own that the test can hang (SIGSTOP of the postmaster and every process it started:
/// connections open, nothing answers) and resume. Disposing resumes it and stops it, so no frozen process outlives a test.
/// </summary>
internal sealed class FreezableServer : IAsyncDisposable
{
    private readonly EmbeddedPostgres _server;
    private int[] _frozen = [];

    private FreezableServer(EmbeddedPostgres server, EmbeddedServerInfo info)
    {
        _server = server;
        Info = info;
        Db = new Db(info.ConnectionString());
    }

    public EmbeddedServerInfo Info { get; }

    public Db Db { get; }

    public static async Task<FreezableServer> StartAsync(string dataDirectory)
    {
        var server = new EmbeddedPostgres(dataDirectory);
        return new FreezableServer(server, await server.StartAsync());
    }

    public async Task FreezeAsync()
    {
        _frozen = LogWriterProcess.ServerProcesses(Info.DataDirectory);
        await LogWriterProcess.SignalAsync("STOP", _frozen);
    }

    public async Task ThawAsync()
    {
        if (_frozen.Length > 0)
        {
            await LogWriterProcess.SignalAsync("CONT", _frozen);
            _frozen = [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ThawAsync();
        await _server.StopAsync();
    }
}
