using System.Globalization;
using System.Text.RegularExpressions;

namespace TradingLog.Patterns.Tests.Support;

/// <summary>
/// TradingLog's own labelled evaluation set for the template miner: messages of nine kinds of software (a distributed file
/// system, a resource manager, an SSH daemon, a web server, a kernel, a coordination service, a database server, a stream
/// processor and the trading system), written for this purpose from templates with their variables filled at random
/// (a fixed seed), each line labelled with its true template. It is not derived from any public labelled corpus.
/// </summary>
internal static partial class LabelledCorpus
{
    public sealed record Line(string Kind, string Template, string Text);

    private static readonly Dictionary<string, string[]> Kinds = new()
    {
        ["dfs"] =
        [
            "Receiving block {blk} src: /{ip}:{port} dest: /{ip}:{port}",
            "PacketResponder {n} for block {blk} terminating",
            "Received block {blk} of size {n} from /{ip}",
            "BLOCK* NameSystem.addStoredBlock: blockMap updated: {ip}:{port} is added to {blk} size {n}",
            "Verification succeeded for {blk}",
            "Deleting block {blk} file {path}",
            "BLOCK* NameSystem.allocateBlock: {path}. {blk}",
            "writeBlock {blk} received exception java.io.IOException: Connection reset by peer",
        ],
        ["yarn"] =
        [
            "Container {container} transitioned from {cstate} to {cstate}",
            "Assigned container {container} of capacity <memory:{n}, vCores:{n}> on host {host}:{port}",
            "Application {application} submitted by user {user} to queue {queue}",
            "Released container {container} of capacity <memory:{n}, vCores:{n}> on host {host}:{port}",
            "Starting resource-monitoring for {container}",
            "Memory usage of ProcessTree {n} for container-id {container}: {f} MB of {n} GB physical memory used",
            "Stopping container with container Id: {container}",
        ],
        ["ssh"] =
        [
            "Accepted password for {user} from {ip} port {port} ssh2",
            "Failed password for invalid user {user} from {ip} port {port} ssh2",
            "Invalid user {user} from {ip}",
            "pam_unix(sshd:session): session opened for user {user} by (uid={n})",
            "pam_unix(sshd:session): session closed for user {user}",
            "Received disconnect from {ip}: 11: Bye Bye [preauth]",
            "Connection closed by {ip} [preauth]",
            "reverse mapping checking getaddrinfo for {host} [{ip}] failed - POSSIBLE BREAK-IN ATTEMPT!",
        ],
        ["web"] =
        [
            "[client {ip}] File does not exist: {path}",
            "[client {ip}] Directory index forbidden by rule: {path}/",
            "jk2_init() Found child {n} in scoreboard slot {n}",
            "workerEnv.init() ok {path}",
            "mod_jk child workerEnv in error state {n}",
            "GET {path} HTTP/1.1 {status} {n} {f}ms",
            "upstream timed out (110: Connection timed out) while reading response header from upstream, client: {ip}, server: {host}",
        ],
        ["kernel"] =
        [
            "CPU{n}: Core temperature above threshold, cpu clock throttled (total events = {n})",
            "eth{n}: link up, {n}Mbps, full-duplex",
            "usb {n}-{n}: new high-speed USB device number {n} using xhci_hcd",
            "Out of memory: Killed process {n} ({proc}) total-vm:{n}kB, anon-rss:{n}kB",
            "EXT4-fs ({dev}): mounted filesystem with ordered data mode",
            "session opened for user {user} by LOGIN(uid={n})",
            "session closed for user {user} by LOGIN(uid={n})",
            "Started Session {n} of user {user}.",
            "Stopped Session {n} of user {user}.",
            "audit: type={n} audit({f}:{n}): pid={n} uid={n} auid={n} ses={n} msg='op=PAM:session_open acct=\"{user}\" exe=\"{path}\"'",
        ],
        ["zk"] =
        [
            "Accepted socket connection from /{ip}:{port}",
            "Client attempting to establish new session at /{ip}:{port}",
            "Established session {hex} with negotiated timeout {n} for client /{ip}:{port}",
            "Closed socket connection for client /{ip}:{port} which had sessionid {hex}",
            "Expiring session {hex}, timeout of {n}ms exceeded",
            "Notification: {n} (n.leader), {hex} (n.zxid), {n} (n.round), LOOKING (n.state), {n} (n.sid)",
            "Connection broken for id {n}, my id = {n}, error =",
        ],
        ["db"] =
        [
            "checkpoint starting: time",
            "checkpoint complete: wrote {n} buffers ({f}%); {n} WAL file(s) added, {n} removed, {n} recycled; write={f} s, sync={f} s, total={f} s",
            "connection received: host={ip} port={port}",
            "connection authorized: user={user} database={db} application_name={app}",
            "duration: {f} ms  statement: SELECT * FROM {table} WHERE id = {n}",
            "automatic vacuum of table \"{db}.public.{table}\": index scans: {n}",
            "could not receive data from client: Connection reset by peer",
        ],
        ["stream"] =
        [
            "Finished task {f} in stage {f} (TID {n}) in {n} ms on {host} (executor {n}) ({n}/{n})",
            "Starting task {f} in stage {f} (TID {n}, {host}, executor {n}, partition {n}, PROCESS_LOCAL, {n} bytes)",
            "Block broadcast_{n} stored as values in memory (estimated size {f} KB, free {f} MB)",
            "Got assigned task {n}",
            "Running task {f} in stage {f} (TID {n})",
            "Removed broadcast_{n}_piece{n} on {host}:{port} in memory (size: {f} KB, free: {f} MB)",
        ],
        ["trading"] =
        [
            "Tick {symbol} {price}",
            "Signal {side} {symbol} at {price} (momentum)",
            "Placing order {trade}: {side} {n} {symbol}",
            "Risk limit breached for {trade}: position in {symbol} would exceed {n}",
            "Broker API error for {trade}: broker gateway returned 503",
            "Quote for {symbol} arrived {n} ms late",
            "Fill notice for {trade} sent to desk-chat",
            "Exposure within limits for {symbol}",
            "P&L updated after {trade}",
        ],
    };

    private static readonly string[] Users = ["root", "admin", "oracle", "test", "guest", "ubuntu", "deploy", "hdfs", "alice", "bob", "postgres", "git"];
    private static readonly string[] Hosts = ["node-17.cluster.local", "worker3", "db-primary.example.com", "ip-10-0-4-12.ec2.internal", "mesos-slave-9"];
    private static readonly string[] States = ["NEW", "ALLOCATED", "ACQUIRED", "RUNNING", "COMPLETED", "KILLING", "EXITED_WITH_SUCCESS"];
    private static readonly string[] Queues = ["default", "etl", "adhoc", "research"];
    private static readonly string[] Symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG"];
    private static readonly string[] Tables = ["orders", "trades", "positions", "accounts", "quotes"];
    private static readonly string[] Processes = ["java", "postgres", "chrome", "python3", "node"];

    /// <summary><paramref name="perKind"/> lines of each kind, templates drawn with a skewed frequency, shuffled within each kind.</summary>
    public static List<Line> Generate(int perKind, int seed = 2026)
    {
        var random = new Random(seed);
        var lines = new List<Line>();
        foreach (var (kind, templates) in Kinds)
        {
            for (var i = 0; i < perKind; i++)
            {
                // Skewed: the first templates are common, the last rare (as in real logs).
                var index = Math.Min(templates.Length - 1, (int)(templates.Length * Math.Pow(random.NextDouble(), 2)));
                var template = templates[index];
                lines.Add(new Line(kind, kind + "#" + index, Placeholder().Replace(template, m => Fill(m.Groups[1].Value, random))));
            }
        }

        return lines;
    }

    private static string Fill(string kind, Random r) => kind switch
    {
        "blk" => "blk_" + (r.Next(2) == 0 ? "-" : "") + r.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
        "ip" => $"{r.Next(1, 255)}.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}",
        "port" => r.Next(1024, 65535).ToString(CultureInfo.InvariantCulture),
        "n" => r.Next(0, 3) switch { 0 => r.Next(10).ToString(CultureInfo.InvariantCulture), 1 => r.Next(1000).ToString(CultureInfo.InvariantCulture), _ => r.Next(1_000_000).ToString(CultureInfo.InvariantCulture) },
        "f" => (r.NextDouble() * 1000).ToString("0.###", CultureInfo.InvariantCulture),
        "path" => "/" + string.Join('/', Enumerable.Range(0, r.Next(2, 5)).Select(_ => Pick(r, ["usr", "data", "var", "log", "tmp", "mnt", "hadoop", "app", "index.html", "img", "part-0001"]))),
        "container" => $"container_{r.NextInt64(1_400_000_000_000, 1_500_000_000_000)}_{r.Next(1, 99):0000}_{r.Next(1, 9):00}_{r.Next(1, 999999):000000}",
        "application" => $"application_{r.NextInt64(1_400_000_000_000, 1_500_000_000_000)}_{r.Next(1, 9999):0000}",
        "cstate" => Pick(r, States),
        "host" => Pick(r, Hosts),
        "user" => Pick(r, Users),
        "queue" => Pick(r, Queues),
        "status" => Pick(r, ["200", "304", "404", "500"]),
        "proc" => Pick(r, Processes),
        "dev" => "sd" + (char)('a' + r.Next(4)) + r.Next(1, 5).ToString(CultureInfo.InvariantCulture),
        "hex" => "0x" + r.NextInt64(0x1000000000, 0xFFFFFFFFFFFF).ToString("x", CultureInfo.InvariantCulture),
        "db" => Pick(r, ["trading", "analytics", "postgres"]),
        "app" => Pick(r, ["psql", "tradelog-sink", "pgAdmin", "risk_management"]),
        "table" => Pick(r, Tables),
        "symbol" => Pick(r, Symbols),
        "price" => (100 + r.NextDouble() * 400).ToString("0.00", CultureInfo.InvariantCulture),
        "side" => Pick(r, ["BUY", "SELL"]),
        "trade" => $"trade_20261130{r.Next(100000, 235959)}_{r.Next(1, 5000)}",
        _ => throw new ArgumentException("no variable " + kind),
    };

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
