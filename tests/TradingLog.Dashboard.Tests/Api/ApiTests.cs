using System.Net;
using System.Text.Json;
using TradingLog.Dashboard.Tests.Support;

namespace TradingLog.Dashboard.Tests.Api;

/// <summary>The JSON API over the demo's store: the data every page draws, paging, and clear refusals of bad input.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class ApiTests(DemoStore store)
{
    [Theory]
    [InlineData("api/events?q=level>=WARNING", "events")]
    [InlineData("api/histogram", "buckets")]
    [InlineData("api/error-rates", "services")]
    [InlineData("api/event-types", "event_types")]
    [InlineData("api/performance/latency", "points")]
    [InlineData("api/performance/heatmap", "cells")]
    [InlineData("api/performance/slowest", "operations")]
    [InlineData("api/performance/resources", "points")]
    [InlineData("api/performance/operations", "operations")]
    [InlineData("api/trades", "trades")]
    [InlineData("api/trades/over-time", "buckets")]
    [InlineData("api/trades/rejections", "reasons")]
    [InlineData("api/trades/slowest", "trades")]
    [InlineData("api/service-map", "edges")]
    [InlineData("api/health", "services")]
    public async Task EveryPagesDataComesFromTheApi(string path, string list)
    {
        var body = await store.GetJsonAsync(path);

        Assert.True(body.GetProperty(list).GetArrayLength() > 0, $"{path} returned no {list}");
    }

    [Fact]
    public async Task TheIssuesExampleSearchFindsOnlyMatchingEvents()
    {
        var body = await store.GetJsonAsync("api/events?limit=1000&q=" + Uri.EscapeDataString("service:execution level>=WARNING symbol:AAPL"));

        var events = body.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Equal("execution", e.GetProperty("service").GetString());
            Assert.Contains(e.GetProperty("level").GetString(), new[] { "WARNING", "ERROR", "CRITICAL" });
            Assert.Contains("AAPL", e.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task PagingWalksOlderEventsWithoutRepeatsOrGaps()
    {
        var all = (await store.GetJsonAsync("api/events?limit=300&q=service:strategy_engine")).GetProperty("events")
            .EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        var paged = new List<long>();
        var path = "api/events?limit=70&q=service:strategy_engine";
        while (paged.Count < all.Count)
        {
            var page = await store.GetJsonAsync(path);
            paged.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            if (page.GetProperty("next").ValueKind != JsonValueKind.Object)
            {
                break;
            }

            var next = page.GetProperty("next");
            path = $"api/events?limit=70&q=service:strategy_engine&before_id={next.GetProperty("before_id").GetInt64()}" +
                $"&before_time={Uri.EscapeDataString(next.GetProperty("before_time").GetString()!)}";
        }

        Assert.Equal(all, paged.Take(all.Count));
    }

    [Fact]
    public async Task OneEventCarriesItsCallerMetadataAndException()
    {
        var failed = await store.GetJsonAsync("api/events?limit=1&q=" + Uri.EscapeDataString("service:execution level:ERROR \"Broker API error\""));
        var id = failed.GetProperty("events")[0].GetProperty("id").GetInt64();

        var e = await store.GetJsonAsync($"api/events/{id}");

        var metadata = e.GetProperty("metadata");
        Assert.Equal("PlaceOrderAsync", metadata.GetProperty("caller").GetProperty("member").GetString());
        Assert.Contains("HttpRequestException", metadata.GetProperty("exception").GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains(" at ", metadata.GetProperty("exception").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("trade_", e.GetProperty("correlation_id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServiceMapFollowsATradeFromStrategyToExecutionAndOn()
    {
        var map = await store.GetJsonAsync("api/service-map");

        var edges = map.GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString(), e.GetProperty("correlations").GetInt64())).ToList();
        Assert.Contains(edges, e => e is ("data_ingestion", "strategy_engine", > 10));
        Assert.Contains(edges, e => e is ("strategy_engine", "execution", > 0));
        Assert.Contains(edges, e => e.Item1 == "execution" && e.Item2 is "notification" or "risk_management");
    }

    [Fact]
    public async Task HealthReportsEveryDemoProcesssHeartbeat()
    {
        var health = await store.GetJsonAsync("api/health");

        var processes = health.GetProperty("processes").EnumerateArray().ToList();
        // The six services, and the demo's own alerting pipeline (service alerting), which logs its heartbeats too.
        Assert.Subset(processes.Select(p => p.GetProperty("service").GetString()).ToHashSet(),
            new HashSet<string?>(["data_ingestion", "strategy_engine", "execution", "risk_management", "analytics", "notification"]));
        Assert.All(processes, p => Assert.True(p.GetProperty("written").GetInt64() > 0));
        Assert.Contains(health.GetProperty("tables").EnumerateArray(), t => t.GetProperty("table").GetString() == "system_logs"
            && t.GetProperty("bytes").GetInt64() > 0 && t.GetProperty("days_ahead").GetInt32() >= 1);
        // The demo reads from its primary; a standby's lag is tested in StreamingReplicaTests.
        Assert.False(health.GetProperty("replication").GetProperty("is_standby").GetBoolean());
    }

    [Theory]
    [InlineData("api/events?q=level>=LOUD", "q", "unknown level")]
    [InlineData("api/events?q=%22unclosed", "q", "not closed")]
    [InlineData("api/events?q=category:nonsense", "q", "unknown category")]
    [InlineData("api/events?q=service:", "q", "no value")]
    [InlineData("api/events?q=regex:%22(%22", "q", "regex")]
    [InlineData("api/events?range=5x", "range", "15m")]
    [InlineData("api/events?range=999d", "range", "400 days")]
    [InlineData("api/events?from=yesterday", "from", "ISO 8601")]
    [InlineData("api/events?from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z", "from", "before")]
    [InlineData("api/events?limit=0", "limit", "1 to 1000")]
    [InlineData("api/events?limit=abc", "limit", "whole number")]
    [InlineData("api/events?before_id=5", "before_time", "needed")]
    [InlineData("api/events?range=1h&from=2026-11-30T10:00:00Z", "range", "not both")]
    [InlineData("api/histogram?bucket=0", "bucket", "1 to 86400")]
    [InlineData("api/trades/slowest?top=1000", "top", "1 to 20")]
    [InlineData("api/tail?q=level>=LOUD", "q", "unknown level")]
    public async Task BadInputIsRefusedWith400NamingTheParameter(string path, string parameter, string says)
    {
        using var response = await store.Http.GetAsync(new Uri(store.Url + path));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
        Assert.Contains(says, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/events/999999999")]
    [InlineData("api/events/not-a-number")]
    [InlineData("api/no-such-endpoint")]
    [InlineData("api/trace/no-such-correlation")]
    public async Task WhatDoesNotExistIsAnswered404WithAReason(string path)
    {
        using var response = await store.Http.GetAsync(new Uri(store.Url + path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!);
    }
}
