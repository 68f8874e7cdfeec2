using System.Text;
using System.Text.Json;
using Serilog.Events;
using Serilog.Parsing;
using TradingLog.PostgreSql.Sink;
using TradingLog.PostgreSql.Tests.Support;

namespace TradingLog.PostgreSql.Tests.Sink;

public sealed class BatchSpoolTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SpoolSizeCanBeReadWhileReplayTakesBatchesAway()
    {
        var metrics = new DatabaseSinkMetrics();
        var spool = new BatchSpool(_folder["spool"], long.MaxValue, metrics);
        var batch = Batch(20);
        const int batches = 300;
        var replayed = 0;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < batches; i++)
            {
                spool.Append(batch);
            }
        });
        var replayer = Task.Run(() =>
        {
            while (replayed < batches)
            {
                if (spool.ClaimOldest() is { } claim)
                {
                    BatchSpool.Complete(claim);
                    replayed++;
                }
            }
        });

        var readings = 0;
        while (!replayer.IsCompleted)
        {
            // Reading the size lists the folder and asks each file's length; a file replayed in between counts as 0.
            Assert.InRange(spool.Bytes, 0, long.MaxValue);
            Assert.InRange(spool.Events, 0, batches * batch.Count);
            readings++;
        }

        await Task.WhenAll(writer, replayer);
        Assert.True(readings > 0);
        Assert.Equal(0, spool.Bytes);
        Assert.Equal(batches * batch.Count, metrics.Spooled);
    }

    [Fact]
    public void FullSpoolDropsOnlyItsOldestBatchesAndCountsTheirEvents()
    {
        var metrics = new DatabaseSinkMetrics();
        var batch = Batch(10);
        var probe = new BatchSpool(_folder["probe"], long.MaxValue, new DatabaseSinkMetrics());
        probe.Append(batch);
        var oneBatch = probe.Bytes;
        var spool = new BatchSpool(_folder["spool"], oneBatch * 3, metrics);

        for (var i = 0; i < 5; i++)
        {
            spool.Append(batch);
        }

        Assert.Equal(3 * batch.Count, spool.Events);
        Assert.Equal(2 * batch.Count, metrics.Dropped);
        Assert.Empty(Directory.GetFiles(_folder["spool"], "*.dropped"));
    }

    [Fact]
    public void SpooledBatchesAreCompressedAndReadBackWhole()
    {
        var spool = new BatchSpool(_folder["spool"], long.MaxValue, new DatabaseSinkMetrics());
        var batch = Batch(1000);
        spool.Append(batch);
        var plainJson = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(batch).Length;

        Assert.True(spool.Bytes * 4 < plainJson, $"spooled {spool.Bytes} bytes for {plainJson} bytes of JSON");
        var claim = spool.ClaimOldest();
        Assert.NotNull(claim);
        Assert.Equal(batch.Select(e => e.System.EventId), claim.Batch.Select(e => e.System.EventId));
        Assert.Equal(batch.Select(e => e.System.Message), claim.Batch.Select(e => e.System.Message));
    }

    [Fact]
    public void UncompressedBatchFromAnEarlierSpoolIsStillReplayed()
    {
        var batch = Batch(5);
        Directory.CreateDirectory(_folder["spool"]);
        File.WriteAllBytes(_folder["spool/0639000000000000000-0000001-000000001-000005.batch"], System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(batch));
        var spool = new BatchSpool(_folder["spool"], long.MaxValue, new DatabaseSinkMetrics());

        var claim = spool.ClaimOldest();

        Assert.NotNull(claim);
        Assert.Equal(batch.Select(e => e.System.EventId), claim.Batch.Select(e => e.System.EventId));
    }

    [Fact]
    public void MetadataIsSpooledAsJsonAndReadBackByteForByte()
    {
        var batch = Batch(2);
        var spool = new BatchSpool(_folder["spool"], long.MaxValue, new DatabaseSinkMetrics());
        spool.Append(batch);

        var claim = spool.ClaimOldest();

        Assert.NotNull(claim);
        Assert.Equal(batch.Select(e => Encoding.UTF8.GetString(e.System.Metadata)), claim.Batch.Select(e => Encoding.UTF8.GetString(e.System.Metadata)));
        var spooled = JsonSerializer.SerializeToUtf8Bytes(batch);
        using var document = JsonDocument.Parse(spooled);
        Assert.Equal(JsonValueKind.Object, document.RootElement[0].GetProperty("System").GetProperty("Metadata").ValueKind);
    }

    [Fact]
    public void MetadataSpooledAsAStringByEarlierVersionsIsStillReplayed()
    {
        var batch = Batch(1);
        var metadata = Encoding.UTF8.GetString(batch[0].System.Metadata);
        var json = JsonSerializer.Serialize(batch).Replace(metadata, JsonSerializer.Serialize(metadata), StringComparison.Ordinal);
        Assert.Contains("\"Metadata\":\"{", json, StringComparison.Ordinal);
        Directory.CreateDirectory(_folder["spool"]);
        File.WriteAllText(_folder["spool/0639000000000000000-0000001-000000001-000001.batch"], json);
        var spool = new BatchSpool(_folder["spool"], long.MaxValue, new DatabaseSinkMetrics());

        var claim = spool.ClaimOldest();

        Assert.NotNull(claim);
        Assert.Equal(metadata, Encoding.UTF8.GetString(claim.Batch[0].System.Metadata));
    }

    [Fact]
    public void CorruptBatchIsSetAsideAndTheNextOneIsReplayed()
    {
        var spool = new BatchSpool(_folder["spool"], long.MaxValue, new DatabaseSinkMetrics());
        File.WriteAllBytes(_folder["spool/0639000000000000000-0000001-000000001-000005.batch"], [0x1f, 0x8b, 0x08, 0x00, 0x42]);
        var good = Batch(3);
        spool.Append(good);

        var claim = spool.ClaimOldest();

        Assert.NotNull(claim);
        Assert.Equal(good.Select(e => e.System.EventId), claim.Batch.Select(e => e.System.EventId));
        Assert.Single(Directory.GetFiles(_folder["spool"], "*.corrupt"));
    }

    private static List<EncodedEvent> Batch(int count)
    {
        var encoder = new LogEventEncoder(32_000, structured: true);
        var template = new MessageTemplateParser().Parse("spooled {N}");
        return [.. Enumerable.Range(0, count).Select(i => encoder.Encode(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template,
            [new LogEventProperty("N", new ScalarValue(i)), new LogEventProperty(LogProperties.Service, new ScalarValue("execution"))])))];
    }
}
