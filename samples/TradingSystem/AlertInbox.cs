using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingSystem;

/// <summary>
/// The notification service's alert endpoint (<c>POST /alerts</c>): TradingLog's webhook delivers here. It checks the
/// HMAC-SHA256 signature when a secret is configured (<see cref="AlertDelivery.SecretVariable"/>), acknowledges a repeated idempotency
/// key without acting on it twice, and logs each alert it delivers (event type <see cref="AlertDelivery.DeliveryEvent"/>), as the
/// design's notification service does for alert delivery. A real service would page, mail or chat here.
/// </summary>
internal sealed class AlertInbox(ILogger logger)
{
    private readonly string? _secret = Environment.GetEnvironmentVariable(AlertDelivery.SecretVariable) is { Length: > 0 } s ? s : null;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (_secret is not null)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), Encoding.UTF8.GetBytes(body)));
            var given = request.Headers["X-TradingLog-Signature"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given)))
            {
                logger.LogWarning("Alert notification refused: bad signature");
                return Results.Unauthorized();
            }
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        lock (_seen)
        {
            if (key.Length > 0 && !_seen.Add(key))
            {
                return Results.Ok(); // delivered before: acknowledged, not acted on twice
            }
        }

        using var document = JsonDocument.Parse(body);
        using (logger.BeginScope(new Dictionary<string, object> { ["EventType"] = AlertDelivery.DeliveryEvent, ["IdempotencyKey"] = key }))
        {
            foreach (var alert in document.RootElement.GetProperty("alerts").EnumerateArray())
            {
                var status = alert.GetProperty("status").GetString();
                var rule = alert.GetProperty("rule").GetString();
                var summary = alert.GetProperty("annotations").GetProperty("summary").GetString();
                if (status == "firing")
                {
                    logger.LogWarning("Alert {AlertRule} {AlertStatus} delivered to {Channel}: {Summary}", rule, status, "desk-chat", summary);
                }
                else
                {
                    logger.LogInformation("Alert {AlertRule} {AlertStatus} delivered to {Channel}: {Summary}", rule, status, "desk-chat", summary);
                }
            }
        }

        return Results.Ok();
    }
}
