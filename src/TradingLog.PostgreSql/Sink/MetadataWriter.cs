using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Serilog.Events;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Writes an event's structured properties, exception and caller as the <c>metadata</c> JSON. Every string is
/// sanitised, non-finite numbers become strings, nesting deeper than <see cref="MaxDepth"/> is cut, and a value whose
/// <c>ToString()</c> throws is replaced by a note: one bad value never costs the row.
/// </summary>
internal sealed class MetadataWriter : IDisposable
{
    public const int MaxDepth = 10;

    private static readonly JsonWriterOptions WriterOptions =
        new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private bool _sanitised;

    public MetadataWriter() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

    public bool Sanitised => _sanitised;

    public void Dispose() => _writer.Dispose();

    public void Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _sanitised = false;
        _writer.WriteStartObject();
    }

    /// <summary>The JSON as UTF-8, which is what PostgreSQL receives: no round trip through a .NET string.</summary>
    public byte[] End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public void String(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteString(Clean(name), Clean(value));
        }
    }

    public void Number(string name, long value) => _writer.WriteNumber(Clean(name), value);

    public void Flags(string name, IReadOnlyList<string> values)
    {
        _writer.WriteStartArray(name);
        foreach (var value in values)
        {
            _writer.WriteStringValue(value);
        }

        _writer.WriteEndArray();
    }

    public void Exception(Exception exception)
    {
        _writer.WriteStartObject("exception");
        _writer.WriteString("type", exception.GetType().FullName);
        _writer.WriteString("message", Clean(Safe(() => exception.Message)));
        _writer.WriteString("detail", Clean(Safe(exception.ToString)));
        _writer.WriteEndObject();
    }

    public void StartObject(string name) => _writer.WriteStartObject(Clean(name));

    public void EndObject() => _writer.WriteEndObject();

    public void Property(string name, LogEventPropertyValue value)
    {
        _writer.WritePropertyName(Clean(name));
        Value(value, 0);
    }

    private void Value(LogEventPropertyValue value, int depth)
    {
        if (depth >= MaxDepth)
        {
            _writer.WriteStringValue("(nested too deep)");
            return;
        }

        switch (value)
        {
            case ScalarValue scalar:
                Scalar(scalar.Value);
                break;
            case SequenceValue sequence:
                _writer.WriteStartArray();
                foreach (var element in sequence.Elements)
                {
                    Value(element, depth + 1);
                }

                _writer.WriteEndArray();
                break;
            case StructureValue structure:
                _writer.WriteStartObject();
                if (structure.TypeTag is not null)
                {
                    _writer.WriteString("$type", Clean(structure.TypeTag));
                }

                foreach (var property in structure.Properties)
                {
                    _writer.WritePropertyName(Clean(property.Name));
                    Value(property.Value, depth + 1);
                }

                _writer.WriteEndObject();
                break;
            case DictionaryValue dictionary:
                _writer.WriteStartObject();
                foreach (var (key, element) in dictionary.Elements)
                {
                    _writer.WritePropertyName(Clean(Safe(() => Convert.ToString(key.Value, CultureInfo.InvariantCulture) ?? "null")));
                    Value(element, depth + 1);
                }

                _writer.WriteEndObject();
                break;
            default:
                _writer.WriteStringValue(Clean(Safe(value.ToString)));
                break;
        }
    }

    private void Scalar(object? value)
    {
        switch (value)
        {
            case null: _writer.WriteNullValue(); break;
            case string s: _writer.WriteStringValue(Clean(s)); break;
            case bool b: _writer.WriteBooleanValue(b); break;
            case int or long or short or byte or sbyte or ushort or uint:
                _writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u: _writer.WriteNumberValue(u); break;
            case decimal m: _writer.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): _writer.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): _writer.WriteNumberValue(f); break;
            case double or float:
                _sanitised = true;
                _writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case DateTime dt: _writer.WriteStringValue(dt.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: _writer.WriteStringValue(dto.ToString("O", CultureInfo.InvariantCulture)); break;
            default:
                _writer.WriteStringValue(Clean(Safe(() => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")));
                break;
        }
    }

    private string Clean(string text) => TextSanitizer.Clean(text, ref _sanitised);

    private string Safe(Func<string> render)
    {
        try
        {
            return render();
        }
        catch (Exception e)
        {
            _sanitised = true;
            return $"(ToString() threw {e.GetType().Name})";
        }
    }
}
