using System.ComponentModel;
using System.Text.Json;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog.Cli.Infrastructure;
using TradingLog.Configuration;
using TradingLog.PostgreSql.Queries;
using TradingLog.PostgreSql.Server;

namespace TradingLog.Cli.Commands.Analysis;

/// <summary><c>tradelog tail [-f] [--service S] [--level WARNING] [--category Risk] [--grep TEXT]</c>: the newest logs, and new ones as they arrive.</summary>
internal sealed class TailCommand(IAnsiConsole console) : AsyncCommand<TailCommand.Settings>
{
    internal sealed class Settings : DatabaseCommandSettings
    {
        [CommandOption("-f|--follow")]
        [Description("Keep printing new logs as they arrive, until Ctrl-C.")]
        public bool Follow { get; init; }

        [CommandOption("--service <SERVICE>")]
        [Description("Only this service.")]
        public string? Service { get; init; }

        [CommandOption("--level <LEVEL>")]
        [Description("Only this level and above: DEBUG, INFO, WARNING, ERROR, CRITICAL.")]
        public string? Level { get; init; }

        [CommandOption("--category <CATEGORY>")]
        [Description("Only this category: Trading, System, Performance, Strategy, Risk.")]
        public string? Category { get; init; }

        [CommandOption("--grep <TEXT>")]
        [Description("Only messages containing this text (case-insensitive).")]
        public string? Grep { get; init; }

        [CommandOption("--regex <PATTERN>")]
        [Description("Only messages matching this regular expression, case-insensitive, in PostgreSQL's syntax " +
            "(\\m and \\M are word boundaries; \\b is not), such as 'order [[0-9]]+ (placed|filled)'.")]
        public string? Regex { get; init; }

        [CommandOption("--properties")]
        [Description("Also show each log's structured properties, caller and exception (from metadata).")]
        public bool Properties { get; init; }

        [CommandOption("-n|--lines <N>")]
        [Description("How many of the newest logs to show first. Default: 20.")]
        public int Lines { get; init; } = 20;

        public override ValidationResult Validate()
        {
            if (Level is not null && !LevelNames.TryParse(Level, out _))
            {
                return ValidationResult.Error($"--level: {Echo.Of(Level)} is not a level; use DEBUG, INFO, WARNING, ERROR or CRITICAL");
            }

            if (Category is not null && !Enum.TryParse<LogCategory>(Category, ignoreCase: true, out _))
            {
                return ValidationResult.Error($"--category: {Echo.Of(Category)} is not a category; use {string.Join(", ", Enum.GetNames<LogCategory>())}");
            }

            return Lines < 1 ? ValidationResult.Error("--lines must be at least 1") : base.Validate();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.RunAsync(async () =>
        {
            var (_, opened) = await AnalysisDatabase.OpenAsync(settings, settings.Service, cancellationToken, requireTables: !settings.Follow);
            var filter = new LogFilter
            {
                Services = settings.Service is null ? null : [TradingLogSettings.NormalizeServiceName(settings.Service)],
                MinimumLevel = settings.Level is not null && LevelNames.TryParse(settings.Level, out var minimum) ? minimum : null,
                Category = settings.Category is null ? null : Enum.Parse<LogCategory>(settings.Category, ignoreCase: true),
                Text = settings.Grep,
                Pattern = settings.Regex,
            };

            // The newest logs by time (not by row id, which interleaves services' batches), printed oldest first.
            IReadOnlyList<LogEntry> newest;
            try
            {
                newest = await opened.LogsAsync(filter, settings.Lines, withMetadata: settings.Properties, cancellationToken: cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable && settings.Follow)
            {
                // Following a store nothing has logged to yet: wait for the first service to create the tables.
                Notices.Write("no logs are stored yet; waiting for the first (Ctrl-C stops).");
                newest = [];
            }

            Print(settings, [.. newest.Reverse()]);
            if (!settings.Follow)
            {
                await opened.DisposeAsync();
                return ExitCodes.Success;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            var last = newest.Count > 0 ? newest.Max(l => l.Id) : 0L;
            LogQueries? following = opened;
            var lost = false;
            var pause = PollInterval;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(pause, stop.Token);
                    try
                    {
                        // After a loss the database is resolved again: the embedded server may come back on another port.
                        following ??= (await AnalysisDatabase.OpenAsync(settings, settings.Service, stop.Token, requireTables: false)).Queries;
                        var fresh = await following.LogsAfterAsync(filter, last, 1000, settings.Properties, stop.Token);
                        if (lost)
                        {
                            Notices.Write("reconnected to the database; following again.");
                            lost = false;
                            pause = PollInterval;
                        }

                        Print(settings, fresh);
                        if (fresh.Count > 0)
                        {
                            last = fresh[^1].Id;
                        }
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
                    {
                        // The tables do not exist yet: nothing to show until a service has logged.
                    }
                    catch (Exception e) when (!stop.IsCancellationRequested && IsConnectionLoss(e))
                    {
                        // Said once per loss, however long the database stays away; polling goes on with a growing pause.
                        if (!lost)
                        {
                            Notices.Write($"lost the connection to the database ({SecretMasker.MaskConnectionString(e.Message)}); " +
                                "reconnecting until it answers again (Ctrl-C stops).");
                            lost = true;
                        }

                        if (following is not null)
                        {
                            await following.DisposeAsync();
                        }

                        following = null;
                        pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxReconnectPause.Ticks));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                if (following is not null)
                {
                    await following.DisposeAsync();
                }
            }

            return ExitCodes.Success;
        });

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxReconnectPause = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether <paramref name="e"/> means the connection was lost or cannot be made now, so following may go on once the
    /// server answers again: the server shut down or restarted (57P01-57P03), the backend was terminated, the network or
    /// socket failed, a connection timed out, the embedded server is not running, or it came back with new credentials.
    /// </summary>
    internal static bool IsConnectionLoss(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || p.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.InvalidPassword,
        NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or EmbeddedServerException => true,
        _ => e.InnerException is { } inner && IsConnectionLoss(inner),
    };

    private void Print(Settings settings, IReadOnlyList<LogEntry> rows)
    {
        foreach (var row in rows)
        {
            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(ResultWriter.WithMetadataObject(row), ResultWriter.Json));
                continue;
            }

            var colour = row.Level switch { "ERROR" or "CRITICAL" => "red", "WARNING" => "yellow", "DEBUG" => "blue", _ => "default" };
            var correlation = row.CorrelationId is { } id ? $" [dim]{Markup.Escape(id)}[/]" : "";
            console.MarkupLine($"{ResultWriter.Format(row.Timestamp)} [{colour}]{row.Level,-8}[/] {Markup.Escape(row.Service)}{correlation}: " +
                Markup.Escape(row.Message ?? ""));
            if (settings.Properties && row.Metadata is { } metadata)
            {
                foreach (var line in MetadataLines(metadata))
                {
                    console.MarkupLine("    " + Markup.Escape(line));
                }
            }
        }
    }

    /// <summary>The properties, caller and exception of a row's metadata, one per line; the exception's own lines follow it.</summary>
    private static IEnumerable<string> MetadataLines(string metadata)
    {
        using var document = JsonDocument.Parse(metadata);
        foreach (var field in document.RootElement.EnumerateObject())
        {
            switch (field.Name)
            {
                case "properties" when field.Value.ValueKind == JsonValueKind.Object:
                    foreach (var property in field.Value.EnumerateObject())
                    {
                        yield return $"{property.Name} = {property.Value.GetRawText()}";
                    }

                    break;
                case "caller":
                    yield return "caller = " + field.Value.GetRawText();
                    break;
                case "exception" when field.Value.ValueKind == JsonValueKind.Object:
                    var text = field.Value.TryGetProperty("detail", out var full) ? full.GetString() : field.Value.GetRawText();
                    foreach (var line in (text ?? "").Split('\n'))
                    {
                        yield return line.TrimEnd('\r');
                    }

                    break;
                case "exception":
                    yield return "exception = " + field.Value.GetRawText();
                    break;
            }
        }
    }
}
