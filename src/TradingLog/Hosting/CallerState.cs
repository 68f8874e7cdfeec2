using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace TradingLog.Hosting;

/// <summary>
/// The state of an intercepted <c>ILogger</c> call: the template's values by name, the template as
/// <c>{OriginalFormat}</c> (as Microsoft.Extensions.Logging's own state has it, so that Serilog renders and stores the
/// same event) and the call site's <see cref="LogProperties.CallerType"/>, member, file and line.
/// </summary>
internal sealed class CallerState(string template, object?[] args, string type, string member, string file, int line)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private const int CallSiteProperties = 4;

    private static readonly ConcurrentDictionary<string, string[]> Holes = new(StringComparer.Ordinal);

    private readonly string[] _names = HolesOf(template);

    public static readonly Func<CallerState, Exception?, string> Format = static (state, _) => state.Render();

    public int Count => Math.Min(_names.Length, args.Length) + 1 + CallSiteProperties;

    public KeyValuePair<string, object?> this[int index]
    {
        get
        {
            var values = Math.Min(_names.Length, args.Length);
            if (index < values)
            {
                return new(_names[index], args[index]);
            }

            return (index - values) switch
            {
                0 => new(LogProperties.CallerType, type.Length == 0 ? null : type),
                1 => new(LogProperties.CallerMember, member),
                2 => new(LogProperties.CallerFile, file),
                3 => new(LogProperties.CallerLine, line),
                4 => new(OriginalFormat, template),
                _ => throw new ArgumentOutOfRangeException(nameof(index)),
            };
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The message for providers other than Serilog: each hole replaced by its value, in order.</summary>
    public override string ToString() => Render();

    private string Render()
    {
        var output = new StringBuilder(template.Length + 32);
        var hole = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                output.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                output.Append('}');
                i++;
            }
            else if (c == '{' && template.IndexOf('}', i) is var end and > 0)
            {
                var spec = template.Substring(i + 1, end - i - 1);
                var colon = spec.IndexOf(':', StringComparison.Ordinal);
                var value = hole < args.Length ? args[hole] : null;
                hole++;
                output.Append(value is IFormattable formattable && colon >= 0
                    ? formattable.ToString(spec[(colon + 1)..], CultureInfo.InvariantCulture)
                    : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "(null)");
                i = end;
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    /// <summary>The names of a template's holes, in order (<c>{Qty:N0}</c> is <c>Qty</c>), parsed once per template.</summary>
    private static string[] HolesOf(string template) => Holes.GetOrAdd(template, static text =>
    {
        var names = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                break;
            }

            var spec = text.Substring(i + 1, end - i - 1);
            var cut = spec.IndexOfAny([',', ':']);
            names.Add(cut >= 0 ? spec[..cut] : spec);
            i = end;
        }

        return [.. names];
    });
}
