namespace TradingLog.Formatting;

/// <summary>Turns values into text without letting a throwing <c>ToString()</c> escape into the pipeline.</summary>
internal static class SafeText
{
    public static string Of(Exception exception)
    {
        try
        {
            return exception.ToString();
        }
        catch (Exception e)
        {
            return $"{exception.GetType().FullName} (its ToString() threw {e.GetType().Name}: {e.Message})";
        }
    }
}
