using System.Security.Cryptography;
using System.Text;

namespace TradingLog.Dashboard.Security;

/// <summary>
/// Checks what a request presents against the configured access token in constant time. The login cookie holds a keyed
/// hash of the token, not the token itself.
/// </summary>
internal sealed class AccessToken
{
    public const string CookieName = "tradelog_dashboard";

    private readonly byte[] _token;
    private readonly byte[] _session;

    public AccessToken(string token)
    {
        _token = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        _session = HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "tradelog-dashboard-session"u8);
        SessionValue = Convert.ToHexString(_session);
    }

    /// <summary>The value of the login cookie.</summary>
    public string SessionValue { get; }

    /// <summary>Whether <paramref name="presented"/> is the token (hashed first, so that lengths leak nothing either).</summary>
    public bool IsToken(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _token);

    /// <summary>Whether <paramref name="cookie"/> is the login cookie's value.</summary>
    public bool IsSession(string? cookie)
    {
        if (cookie is null || cookie.Length != SessionValue.Length)
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(cookie), _session);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
