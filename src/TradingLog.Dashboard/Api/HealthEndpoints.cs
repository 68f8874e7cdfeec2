using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TradingLog.Dashboard.Hosting;
using TradingLog.Dashboard.Tail;
using TradingLog.PostgreSql.Queries;

namespace TradingLog.Dashboard.Api;

/// <summary>
/// The health page's API: per service a green, amber or red status with its reasons (silence, error rate, sink health from
/// heartbeats), each process's newest heartbeat, the last cleanup runs, table sizes and partitions ahead, whether reads
/// come from a streaming standby and how far it trails, and the dashboard's own live tail.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/health", async (DashboardStore store, TailHub tail, IOptions<DashboardOptions> options, TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            var thresholds = options.Value.Health;
            var now = time.GetUtcNow();
            var queries = await store.QueriesAsync(cancellationToken);
            var activity = await queries.ServiceActivityAsync(now - thresholds.Window, cancellationToken);
            var heartbeatWindow = TimeSpan.FromTicks(Math.Max(store.Settings.HeartbeatInterval.Ticks * 3, TimeSpan.FromMinutes(5).Ticks));
            var heartbeats = (await queries.LatestHeartbeatsAsync(now - heartbeatWindow, cancellationToken)).Select(Process).ToList();
            var runs = await queries.MaintenanceRunsAsync(5, cancellationToken);
            var tables = await queries.TableSizesAsync(cancellationToken);
            var replication = await queries.ReplicationAsync(cancellationToken);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            // Silence is judged only for the configured services and those that send heartbeats: the command line's own
            // audit events ("maintenance") come when someone runs a command, and their absence is not a fault.
            var services = activity.Select(a =>
            {
                var processes = heartbeats.Where(h => h.Service == a.Service).ToList();
                return Assess(a, processes, thresholds, now, store.Settings.Services.ContainsKey(a.Service) || processes.Count > 0);
            }).ToList();
            return Results.Json(new
            {
                now,
                window_seconds = (int)thresholds.Window.TotalSeconds,
                status = services.Count == 0 ? "amber" : services.Max(s => s.Rank) switch { 2 => "red", 1 => "amber", _ => "green" },
                services = services.Select(s => s.Body),
                processes = heartbeats,
                cleanup_runs = runs,
                tables = tables.Select(t => new
                {
                    t.Table, t.Bytes, t.EstimatedRows, t.Partitions, t.LastDay,
                    days_ahead = t.LastDay is { } last ? last.DayNumber - today.DayNumber : (int?)null,
                }),
                replication = new
                {
                    is_standby = replication.IsStandby, replay_lag_seconds = replication.ReplayLag?.TotalSeconds,
                    bytes_behind = replication.BytesBehind, receiving = replication.Receiving,
                },
                live_tail = new { subscribers = tail.Subscribers, polls = tail.Polls, last_poll_at = tail.LastPollAt, last_error = tail.LastError },
            }, DashboardJson.Options);
        });
    }

    private static (int Rank, object Body) Assess(ServiceActivity a, List<ProcessHealth> processes, HealthThresholds thresholds, DateTimeOffset now,
        bool expectedToLog)
    {
        var reasons = new List<string>();
        var rank = 0;
        void Raise(int level, string reason)
        {
            rank = Math.Max(rank, level);
            reasons.Add(reason);
        }

        var silence = a.LastEvent is { } last ? now - last : (TimeSpan?)null;
        if (!expectedToLog)
        {
            // Occasional: no silence rule.
        }
        else if (silence is null || silence >= thresholds.SilenceRed)
        {
            Raise(2, silence is null ? "no event stored" : $"silent for {Describe(silence.Value)}");
        }
        else if (silence >= thresholds.SilenceAmber)
        {
            Raise(1, $"silent for {Describe(silence.Value)}");
        }

        var errorRate = a.Events == 0 ? 0 : Math.Round(100.0 * a.Errors / a.Events, 2);
        if (errorRate >= thresholds.ErrorRateRedPercent)
        {
            Raise(2, $"error rate {errorRate.ToString(CultureInfo.InvariantCulture)}%");
        }
        else if (errorRate >= thresholds.ErrorRateAmberPercent)
        {
            Raise(1, $"error rate {errorRate.ToString(CultureInfo.InvariantCulture)}%");
        }

        foreach (var p in processes)
        {
            if (p.Dropped + p.QueueDropped + p.FileLinesDropped > 0)
            {
                Raise(2, $"process {p.ProcessId} lost {p.Dropped + p.QueueDropped + p.FileLinesDropped} events");
            }

            if (p.UnwritableFiles > 0)
            {
                Raise(2, $"process {p.ProcessId} cannot write {p.UnwritableFiles} log files");
            }

            if (p.DeadLettered > 0)
            {
                Raise(1, $"process {p.ProcessId} dead-lettered {p.DeadLettered} events");
            }

            if (p.Spooled > 0)
            {
                Raise(1, $"process {p.ProcessId} spools {p.Spooled} events for the database");
            }
        }

        return (rank, new
        {
            service = a.Service,
            status = rank switch { 2 => "red", 1 => "amber", _ => "green" },
            reasons,
            last_event = a.LastEvent,
            silent_seconds = silence is { } s ? Math.Round(s.TotalSeconds, 1) : (double?)null,
            events = a.Events,
            events_per_minute = Math.Round(a.Events / thresholds.Window.TotalMinutes, 1),
            errors = a.Errors,
            warnings = a.Warnings,
            error_rate_percent = errorRate,
            processes = processes.Count,
        });
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
        : $"{span.Seconds} s";

    private static ProcessHealth Process(LogEntry heartbeat)
    {
        var properties = default(JsonElement);
        if (DashboardJson.Metadata(heartbeat.Metadata) is { } metadata && metadata.ValueKind == JsonValueKind.Object)
        {
            metadata.TryGetProperty("properties", out properties);
        }

        bool Has(string name, out JsonElement value)
        {
            value = default;
            return properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out value);
        }

        long Number(string name) => Has(name, out var v) && v.TryGetInt64(out var n) ? n : 0;
        double Real(string name) => Has(name, out var v) && v.TryGetDouble(out var n) ? n : 0;
        string? Str(string name) => Has(name, out var v) ? v.ToString() : null;
        return new ProcessHealth(heartbeat.Service, Number(HealthEvents.ProcessId), Str(HealthEvents.Host), heartbeat.Timestamp,
            Number(HealthEvents.UptimeSeconds), Real(HealthEvents.WorkingSetMb), Real(HealthEvents.CpuPercent), Number(HealthEvents.Queued),
            Number(HealthEvents.Spooled), Number(HealthEvents.Dropped), Number(HealthEvents.DeadLettered), Number(HealthEvents.Written),
            Number(HealthEvents.QueueDropped), Number(HealthEvents.FileWriteFailures), Number(HealthEvents.FileLinesDropped),
            Number(HealthEvents.UnwritableFiles));
    }
}
