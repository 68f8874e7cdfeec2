using Serilog.Events;
using Serilog.Formatting;

namespace TradingLog.Formatting;

/// <summary>Formats events as lines of a Loguru format, ending each with '\n'.</summary>
internal sealed class TextLineFormatter(LoguruTemplate template, bool colored = false) : ITextFormatter
{
    public TextLineFormatter(string format, bool colored = false)
        : this(LoguruTemplate.Parse(format), colored)
    {
    }

    public LoguruTemplate Template { get; } = template;

    public void Format(LogEvent logEvent, TextWriter output)
    {
        if (output is StringWriter writer)
        {
            Template.Render(logEvent, writer, colored);
        }
        else
        {
            using var scratch = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Template.Render(logEvent, scratch, colored);
            output.Write(scratch.GetStringBuilder());
        }

        output.Write('\n');
    }
}
