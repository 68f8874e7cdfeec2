using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using TradingLog;
using TradingLog.Cli.Commands.Alerts;
using TradingLog.Cli.Commands.Analysis;
using TradingLog.Cli.Commands.Cleanup;
using TradingLog.Cli.Commands.Config;
using TradingLog.Cli.Commands.Dashboard;
using TradingLog.Cli.Commands.Db;
using TradingLog.Cli.Commands.Demo;
using TradingLog.Cli.Commands.Patterns;
using TradingLog.Cli.Infrastructure;

if (Console.IsOutputRedirected)
{
    // Piped output has no terminal width; keep table rows on one line for grep and files.
    AnsiConsole.Console.Profile.Width = 240;
}

var services = new ServiceCollection();
services.AddSingleton(AnsiConsole.Console);
var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("tradelog");
    config.UseStrictParsing(); // a misspelt option is an error naming it, not ignored
    config.SetApplicationVersion(typeof(TradingLogging).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown");
    config.SetExceptionHandler((exception, _) =>
    {
        Console.Error.WriteLine("tradelog: " + exception.Message);
        return ExitCodes.BadInput;
    });
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("Run a simulated six-service trading system for a while, then show what was logged and stored.")
        .WithExample("demo")
        .WithExample("demo", "--duration", "60s", "--rate", "500", "--summary-json", "demo.json");
    config.AddBranch("config", branch =>
    {
        branch.SetDescription("Inspect the configuration.");
        branch.AddCommand<ConfigShowCommand>("show")
            .WithDescription("Print the effective configuration and where each value came from.")
            .WithExample("config", "show", "--environment", "Production")
            .WithExample("config", "show", "--config", "config/logging.yaml", "--set", "database.batch_size=500");
    });
    config.AddBranch("db", branch =>
    {
        branch.SetDescription("Manage the PostgreSQL log store.");
        branch.AddCommand<DbStartCommand>("start").WithDescription("Initialise and start the embedded PostgreSQL server (no-op when a server is configured).");
        branch.AddCommand<DbStopCommand>("stop").WithDescription("Stop the embedded PostgreSQL server.");
        branch.AddCommand<DbMigrateCommand>("migrate").WithDescription("Apply pending schema migrations and create the daily partitions ahead.");
        branch.AddCommand<DbStatusCommand>("status").WithDescription("Show the server in use and its connection string, password masked.");
    });
    config.AddCommand<CleanupCommand>("cleanup")
        .WithDescription("Run the retention cleanup now (archive, purge, per-table retention, log files); 'cleanup history' lists past runs.")
        .WithExample("cleanup", "--dry-run")
        .WithExample("cleanup", "--as-of", "2026-11-27T02:00:00Z")
        .WithExample("cleanup", "history");
    config.AddCommand<TraceCommand>("trace").WithDescription("Every log of one correlation ID across services, in time order, with its trades.")
        .WithExample("trace", "trade_12345");
    config.AddCommand<TradesCommand>("trades").WithDescription("Trading logs joined with system logs (the design's second query).")
        .WithExample("trades", "--symbol", "AAPL", "--since", "1d");
    config.AddCommand<PerfCommand>("perf").WithDescription("Average, p50, p95, p99 and max execution time per service and operation, with memory and CPU.")
        .WithExample("perf", "--since", "1d", "--service", "execution");
    config.AddCommand<TailCommand>("tail").WithDescription("The newest logs; with -f, new ones as they arrive.")
        .WithExample("tail", "-f", "--level", "WARNING", "--category", "Risk");
    config.AddCommand<StatsCommand>("stats").WithDescription("Events per service and level, error rate per service, busiest event types.")
        .WithExample("stats", "--since", "1h");
    config.AddCommand<AuditCommand>("audit").WithDescription("The audit trail: services started and stopped, migrations, the embedded server, cleanup runs.")
        .WithExample("audit", "--since", "7d");
    config.AddCommand<DashboardCommand>("dashboard")
        .WithDescription("Serve the monitoring dashboard (live tail, explore, performance, trades, service map, health) until Ctrl-C.")
        .WithExample("dashboard", "--open")
        .WithExample("dashboard", "--urls", "http://0.0.0.0:5080", "--token", "a-long-random-token");
    config.AddCommand<MonitorCommand>("monitor")
        .WithDescription("Evaluate the alert rules (alerts: in the configuration) and deliver their notifications until Ctrl-C.")
        .WithExample("monitor");
    config.AddBranch("alerts", branch =>
    {
        branch.SetDescription("Alert rules: their state, history, a one-off evaluation, silences.");
        branch.AddCommand<AlertsListCommand>("list").WithDescription("Every rule's alerts: state, since, current value, silences, errors.");
        branch.AddCommand<AlertsHistoryCommand>("history").WithDescription("Alert transitions, newest first.")
            .WithExample("alerts", "history", "--since", "1d", "--rule", "error_rate");
        branch.AddCommand<AlertsTestCommand>("test").WithDescription("Evaluate one rule once and show its value and what would be sent; --send sends it.")
            .WithExample("alerts", "test", "error_rate")
            .WithExample("alerts", "test", "market_data_silent", "--at", "2026-11-30T14:05:00Z", "--send");
        branch.AddCommand<AlertsSilenceCommand>("silence").WithDescription("Hold back a rule's notifications for a while.")
            .WithExample("alerts", "silence", "error_rate", "--for", "1h", "--service", "execution", "--comment", "maintenance");
        branch.AddCommand<AlertsUnsilenceCommand>("unsilence").WithDescription("End a silence now.").WithExample("alerts", "unsilence", "3");
        branch.AddCommand<AlertsSilencesCommand>("silences").WithDescription("Silences in force (--all: ended ones too).");
    });
    config.AddBranch("patterns", branch =>
    {
        branch.SetDescription("The stored events' patterns, with counts, first and last seen, trend and an example; mine a text file.");
        branch.SetDefaultCommand<PatternsCommand>();
        branch.AddCommand<PatternsMineCommand>("mine")
            .WithDescription("Mine a text file, one message per line: the templates found and their counts; --assignments writes each line's.")
            .WithExample("patterns", "mine", "app.log", "--assignments", "templates.csv");
    });
    config.AddCommand<SchedulerCommand>("scheduler").WithDescription("Run cleanups on cleanup_schedule until stopped.");
});
return await app.RunAsync(args);

/// <summary>The tool's entry point; internal: the command line is the interface, not this class.</summary>
internal sealed partial class Program;
