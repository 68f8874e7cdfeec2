namespace TradingLog.PostgreSql.Queries;

/// <summary>A search text that <see cref="LogFilterSyntax.Parse"/> cannot read; the message names the term and its position.</summary>
public sealed class FilterSyntaxException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public FilterSyntaxException(string message, int position)
        : base(message) => Position = position;

    /// <summary>Creates the exception.</summary>
    public FilterSyntaxException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public FilterSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FilterSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the bad term starts in the search text (0-based characters).</summary>
    public int Position { get; }
}
