using System.Text.RegularExpressions;

namespace TradingLog.Configuration;

/// <summary>Hides passwords in connection strings before they are printed or logged.</summary>
internal static partial class SecretMasker
{
    /// <summary>The text that stands for a hidden password.</summary>
    public const string Mask = "*****";

    /// <summary>Masks <c>Password=</c>/<c>Pwd=</c> values of key-value strings and the password of <c>postgres://user:password@host</c> URLs.</summary>
    public static string MaskConnectionString(string connectionString)
    {
        var masked = KeyValuePassword().Replace(connectionString, m => m.Groups[1].Value + Mask);
        return UrlPassword().Replace(masked, m => m.Groups[1].Value + Mask + "@");
    }

    [GeneratedRegex(@"((?:^|;)\s*(?:password|pwd)\s*=\s*)(?:'[^']*'|""[^""]*""|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();

    [GeneratedRegex(@"(://[^:/@\s]+:)[^@\s]*@")]
    private static partial Regex UrlPassword();
}
