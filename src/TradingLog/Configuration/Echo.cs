using System.Text;

namespace TradingLog.Configuration;

/// <summary>
/// A value the user gave, quoted for an error message: whole when short, cut when long (a 100,000-character value is not
/// printed back), with control characters shown as escapes so that the message stays on one line.
/// </summary>
internal static class Echo
{
    /// <summary>The longest value repeated whole, in characters.</summary>
    public const int MaxLength = 60;

    public static string Of(string? value)
    {
        if (value is null)
        {
            return "(nothing)";
        }

        var shown = value.Length > MaxLength ? value[..(MaxLength - 20)] : value;
        var text = new StringBuilder(shown.Length + 32).Append('\'');
        foreach (var c in shown)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        text.Append('\'');
        return value.Length > MaxLength ? text.Append($"… ({value.Length:N0} characters)").ToString() : text.ToString();
    }
}
