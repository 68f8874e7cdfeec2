using System.Net;
using System.Text;
using System.Text.Json;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Api;

/// <summary>The alert API over the demo's store: alerts with their state, silences from the page, clear refusals.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class AlertApiTests(DemoStore store)
{
    [Fact]
    public async Task TheDemosRulesAndTheirHistoryAreListed()
    {
        var body = await store.GetJsonAsync("api/alerts");
        Assert.Equal(store.Alerting.Rules.Count, body.GetProperty("rules").GetArrayLength());
        Assert.True(body.GetProperty("evaluator").GetProperty("here").GetBoolean());

        var history = await store.GetJsonAsync("api/alerts/history?range=1h&rule=broker_outage");
        var transitions = history.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Contains("firing", transitions);
        Assert.Contains("resolved", transitions);

        var values = await store.GetJsonAsync("api/alerts/values?rule=trades_failing&range=1h");
        Assert.Equal("share", values.GetProperty("unit").GetString());
        Assert.True(values.GetProperty("series")[0].GetProperty("points").GetArrayLength() > 0);
    }

    [Fact]
    public async Task ASilenceAddedThroughTheApiHoldsTheAlertAndEndsWhenDeleted()
    {
        using var created = await store.Http.PostAsync(new Uri(store.Url + "api/alerts/silences"), Json(new
        {
            rule = "trades_failing", duration = "30m", comment = "test",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var silences = (await store.GetJsonAsync("api/alerts")).GetProperty("silences").EnumerateArray().Select(s => s.GetProperty("id").GetInt64());
        Assert.Contains(id, silences);

        using var deleted = await store.Http.DeleteAsync(new Uri(store.Url + $"api/alerts/silences/{id}"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var again = await store.Http.DeleteAsync(new Uri(store.Url + $"api/alerts/silences/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("{\"rule\":\"trades_failing\",\"duration\":\"forever\"}", "application/json", "duration")]
    [InlineData("{\"rule\":\"no_such_rule\",\"duration\":\"1h\"}", "application/json", "rule")]
    [InlineData("rule=trades_failing&duration=1h", "application/x-www-form-urlencoded", "body")]
    [InlineData("not json", "application/json", "body")]
    [InlineData("{\"rule\":\"trades_failing\",\"duration\":3600}", "application/json", "body")]
    public async Task ABadSilenceIsRefusedNamingTheField(string content, string type, string field)
    {
        using var response = await store.Http.PostAsync(new Uri(store.Url + "api/alerts/silences"), new StringContent(content, Encoding.UTF8, type));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValuesOfAnUnknownRuleAreRefusedNamingTheParameter()
    {
        using var response = await store.Http.GetAsync(new Uri(store.Url + "api/alerts/values?rule=nope"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rule", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
