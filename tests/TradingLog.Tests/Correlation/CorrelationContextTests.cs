using System.Diagnostics;
using System.Net;
using TradingLog.Correlation;
using TradingLog.Tests.Support;

namespace TradingLog.Tests.Correlation;

public sealed class CorrelationContextTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ScopeFlowsAcrossAwaitAndIntoTasks()
    {
        using (CorrelationContext.Begin("req_1"))
        {
            await Task.Yield();
            Assert.Equal("req_1", CorrelationContext.Current);
            var inTask = await Task.Run(() => CorrelationContext.Current);
            Assert.Equal("req_1", inTask);
            var onThread = "";
            var thread = new Thread(() => onThread = CorrelationContext.Current);
            thread.Start();
            thread.Join();
            Assert.Equal("req_1", onThread);
        }

        Assert.Null(CorrelationContext.CurrentExplicit);
    }

    [Fact]
    public async Task ParallelFlowsKeepTheirOwnIds()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using (CorrelationContext.BeginTrade(CorrelationContext.TradeId(i)))
            {
                await Task.Delay(5);
                return CorrelationContext.Current;
            }
        }));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"trade_{i}"), results);
    }

    [Fact]
    public void NestedScopesRestoreTheOuterId()
    {
        using (CorrelationContext.Begin("outer"))
        {
            using (CorrelationContext.Begin("inner"))
            {
                Assert.Equal("inner", CorrelationContext.Current);
            }

            Assert.Equal("outer", CorrelationContext.Current);
        }
    }

    [Fact]
    public void WithoutAScopeTheActivityTraceIdIsUsed()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        Assert.Equal(activity.TraceId.ToHexString(), CorrelationContext.Current);
        activity.SetBaggage(CorrelationContext.BaggageKey, "trade_77");
        Assert.Equal("trade_77", CorrelationContext.Current);
    }

    [Fact]
    public void IdsAreUniqueAndIncomingIdsAreMadeSafe()
    {
        Assert.StartsWith("trade_", CorrelationContext.NewTradeId());
        Assert.NotEqual(CorrelationContext.NewId(), CorrelationContext.NewId());
        Assert.Equal("abc", CorrelationContext.Sanitize(" a\u0000b\nc "));
        Assert.Equal(100, CorrelationContext.Sanitize(new string('x', 500)).Length);
    }

    [Fact]
    public void EventsLoggedInAScopeCarryTheId()
    {
        var sink = new CollectingSink();
        using (var host = TestPipeline.Create("execution", _folder, sink: sink))
        {
            using (CorrelationContext.BeginTrade("trade_12345"))
            {
                host.Logger.Info("inside");
            }

            host.Logger.Trade(Some.Trade("trade_9"));
        }

        Assert.Equal("trade_12345", sink.Events[0].Properties[LogProperties.CorrelationId].ToString().Trim('"'));
        Assert.Equal("trade_9", sink.Events[1].Properties[LogProperties.CorrelationId].ToString().Trim('"'));
    }

    [Fact]
    public async Task OutgoingHandlerSendsTheIdToARealServer()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var header = context.Request.Headers[CorrelationContext.HeaderName];
            context.Response.StatusCode = 204;
            context.Response.Close();
            return header;
        });

        using var client = new HttpClient(new CorrelationHandler(new HttpClientHandler()));
        using (CorrelationContext.Begin("trade_555"))
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/orders"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal("trade_555", await received);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
