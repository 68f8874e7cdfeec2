namespace TradingLog;

/// <summary>
/// Where a <see cref="TradingLogger"/> call was made: member, source file and line, as the compiler's caller-info
/// attributes give them. One instance per call site, carried by the event's <see cref="LogProperties.Caller"/>
/// property, so an enabled call does not allocate its caller info.
/// </summary>
internal sealed class CallSite
{
    public CallSite(string member, string file, int line)
    {
        Member = member;
        File = file;
        Line = line;
        LineText = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        FileName = Path.GetFileName(file);
        Module = Path.GetFileNameWithoutExtension(file);
    }

    public string Member { get; }

    public string File { get; }

    public int Line { get; }

    public string LineText { get; }

    public string FileName { get; }

    public string Module { get; }

    /// <summary>How other Serilog sinks render the property: <c>Route (OrderRouter.cs:42)</c>.</summary>
    public override string ToString() => $"{Member} ({FileName}:{LineText})";
}
