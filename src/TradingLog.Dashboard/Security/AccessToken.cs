using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradingLog.Dashboard.Security;

/// <summary>
/// Checks what a request presents against the configured access token in constant time. The login cookie holds its
/// expiry and a keyed hash of the token and that expiry, not the token: it cannot be extended or forged without the
/// token, and it stops working after <see cref="SessionLifetime"/> or when the token changes.
/// </summary>
internal sealed class AccessToken
{
    public const string CookieName = "tradelog_dashboard";

    /// <summary>How long a sign-in lasts: 12 hours, a trading day.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private readonly byte[] _key;
    private readonly byte[] _token;

    public AccessToken(string token)
    {
        _key = Encoding.UTF8.GetBytes(token);
        _token = SHA256.HashData(_key);
    }

    /// <summary>Whether <paramref name="presented"/> is the token (hashed first, so that lengths leak nothing either).</summary>
    public bool IsToken(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _token);

    /// <summary>The login cookie's value for a session that ends at <paramref name="expires"/>.</summary>
    public string SessionValue(DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return seconds + "." + Convert.ToHexString(Sign(seconds));
    }

    /// <summary>Whether <paramref name="cookie"/> is a login cookie of this token that has not expired at <paramref name="now"/>.</summary>
    public bool IsSession(string? cookie, DateTimeOffset now)
    {
        if (cookie is null)
        {
            return false;
        }

        var dot = cookie.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(cookie.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds < now.ToUnixTimeSeconds())
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(cookie.AsSpan(dot + 1)), Sign(cookie[..dot]));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private byte[] Sign(string expires) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("tradelog-dashboard-session:" + expires));
}
