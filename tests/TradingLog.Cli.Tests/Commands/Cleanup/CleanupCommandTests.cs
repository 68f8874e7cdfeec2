using System.Text.Json;
using TradingLog.Cli.Tests.Support;

namespace TradingLog.Cli.Tests.Commands.Cleanup;

public sealed class CleanupCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Tradelog.Run(_folder.Path, null, "db", "stop");
        _folder.Dispose();
    }

    private static JsonElement Json(Tradelog.Result result) => JsonDocument.Parse(result.Output.Trim().Split('\n').Last()).RootElement;

    [Fact]
    public void DryRunChangesNothingThenARunIsRecordedAndListed()
    {
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "start").ExitCode);
        var old = Path.Combine(_folder.Path, "logs", "trading.2026-01-01.log");
        _folder.Write("logs/trading.2026-01-01.log", "an old line\n");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-45));

        var dry = Tradelog.Run(_folder.Path, null, "cleanup", "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.Error + dry.Output);
        Assert.Equal("dry-run", Json(dry).GetProperty("status").GetString());
        Assert.Single(Json(dry).GetProperty("files_deleted").EnumerateArray());
        Assert.True(File.Exists(old));

        var run = Tradelog.Run(_folder.Path, null, "cleanup", "--as-of", DateTime.UtcNow.ToString("O"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("succeeded", Json(run).GetProperty("status").GetString());
        Assert.False(File.Exists(old));

        var table = Tradelog.Run(_folder.Path, null, "cleanup");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("rows archived", table.Output);

        var history = Tradelog.Run(_folder.Path, null, "cleanup", "history", "--json");
        Assert.Equal(0, history.ExitCode);
        var runs = JsonDocument.Parse(history.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("succeeded", r.GetProperty("Status").GetString()));
    }

    [Fact]
    public async Task DryRunAndHistoryLeaveAStoppedServerStoppedWhileARealRunStartsItAndSaysSo()
    {
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "start").ExitCode);
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "stop").ExitCode);

        foreach (var args in new[] { new[] { "cleanup", "--dry-run", "--json" }, ["cleanup", "history", "--json"] })
        {
            var readOnly = Tradelog.Run(_folder.Path, null, args);
            Assert.Equal(1, readOnly.ExitCode);
            Assert.Contains("'tradelog db start'", readOnly.Error);
            Assert.False(await EmbeddedStore.IsRunningAsync(_folder.Path));
        }

        var run = Tradelog.Run(_folder.Path, null, "cleanup", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"Started the embedded PostgreSQL server in {EmbeddedStore.DataDirectory(_folder.Path)} on port ", run.Error);
        Assert.Equal("succeeded", Json(run).GetProperty("status").GetString());
        Assert.True(await EmbeddedStore.IsRunningAsync(_folder.Path));
    }

    [Theory]
    [InlineData("--as-of", "yesterday", "--as-of takes a timestamp")]
    [InlineData("histroy", null, "unknown cleanup action 'histroy'")]
    public void BadArgumentsAreClearErrors(string first, string? second, string message)
    {
        var result = second is null ? Tradelog.Run(_folder.Path, null, "cleanup", first) : Tradelog.Run(_folder.Path, null, "cleanup", first, second);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error);
    }

    [Fact]
    public void AnAsOfWithAnOffsetIsShownAsTheSameInstantInUtcAndADryRunSaysItChangesNothing()
    {
        Assert.Equal(0, Tradelog.Run(_folder.Path, null, "db", "start").ExitCode);

        var dry = Tradelog.Run(_folder.Path, null, "cleanup", "--dry-run", "--as-of", "2026-12-01T08:00:00+09:00");

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("Dry run: nothing was changed", dry.Output, StringComparison.Ordinal);
        Assert.Contains("rules as of 2026-11-30 23:00:00 UTC", dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cleaning up", dry.Output + dry.Error, StringComparison.Ordinal);
    }
}
