using Serilog.Events;
using TradingLog.Configuration;
using TradingLog.PostgreSql;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Infrastructure;

/// <summary>
/// The tool's own pipeline (service <c>maintenance</c>): files and the store, no console, for cleanup runs and the audit
/// events of what the tool does to the store (server started or stopped, migrations applied).
/// </summary>
internal static class MaintenanceLog
{
    public const string Service = "maintenance";

    /// <summary>The maintenance pipeline over <paramref name="database"/>; dispose it to flush.</summary>
    public static TradingLogHost Open(TradingLogSettings settings, string directory, LogDatabase database)
    {
        settings.Console.Enabled = false;
        return TradingLogging.Configure(Service, o =>
        {
            o.Settings = settings;
            o.WorkingDirectory = directory;
            o.AuditEvents = false; // a command is not a service: its own start and stop are not audited
            o.FailureOutput = Console.Error;
            o.Extensions.Add(new PostgreSqlExtension { Connect = (_, _) => Task.FromResult(database) });
        });
    }

    /// <summary>Writes one audit event (<see cref="AuditEvents"/>) to the files and the store, and waits until it is stored.</summary>
    public static async Task AuditAsync(TradingLogSettings settings, string directory, LogDatabase database, string eventType,
        string messageTemplate, object?[] values, [System.Runtime.CompilerServices.CallerMemberName] string member = "",
        [System.Runtime.CompilerServices.CallerFilePath] string file = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0)
    {
        await using var logging = Open(settings, directory, database);
        Write(logging, eventType, messageTemplate, values, member, file, line);
    }

    /// <summary>
    /// Records what preparing the store did, whichever command did it (<c>db start</c>, <c>db migrate</c>, <c>demo</c>,
    /// <c>cleanup</c>): the embedded server started, migrations applied. Nothing when it did neither.
    /// </summary>
    /// <param name="settings">The command's settings.</param>
    /// <param name="directory">The working directory.</param>
    /// <param name="database">The prepared store.</param>
    /// <param name="server">The embedded server as the command found it (started by it or not), or null for a configured server.</param>
    /// <param name="applied">The migrations the command applied.</param>
    /// <param name="command">The command, as the user typed it (<c>db start</c>).</param>
    public static async Task AuditPreparedAsync(TradingLogSettings settings, string directory, LogDatabase database,
        EmbeddedServerInfo? server, IReadOnlyList<int> applied, string command)
    {
        if (server?.StartedNow == true || applied.Count > 0)
        {
            await using var logging = Open(settings, directory, database);
            WritePrepared(logging, server, applied, command);
        }
    }

    /// <summary>As <see cref="AuditPreparedAsync"/>, through a maintenance pipeline the command has open already.</summary>
    public static void WritePrepared(TradingLogHost logging, EmbeddedServerInfo? server, IReadOnlyList<int> applied, string command)
    {
        if (server is { StartedNow: true })
        {
            Write(logging, AuditEvents.EmbeddedServerStarted, "Embedded PostgreSQL started in {DataDirectory} on port {Port} (tradelog {Command})",
                [server.DataDirectory, server.Port, command]);
        }

        if (applied.Count > 0)
        {
            Write(logging, AuditEvents.MigrationApplied, "Schema migrations {Versions} applied (tradelog {Command})", [string.Join(", ", applied), command]);
        }
    }

    /// <summary>Writes one audit event through an open maintenance pipeline; stored when the pipeline is disposed.</summary>
    /// <param name="logging">The open maintenance pipeline.</param>
    /// <param name="eventType">One of <see cref="AuditEvents"/>.</param>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="values">Its values.</param>
    /// <param name="member">The command that did it (filled in by the compiler).</param>
    /// <param name="file">Its file (filled in by the compiler).</param>
    /// <param name="line">Its line (filled in by the compiler).</param>
    public static void Write(TradingLogHost logging, string eventType, string messageTemplate, object?[] values,
        [System.Runtime.CompilerServices.CallerMemberName] string member = "", [System.Runtime.CompilerServices.CallerFilePath] string file = "",
        [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) =>
        logging.Audit.WithProperty(LogProperties.EventType, eventType).Write(LogEventLevel.Information, null, messageTemplate, values, member, file, line);
}
