using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Keeps a row's <c>metadata</c> (UTF-8 JSON) as JSON when a row is spooled or dead-lettered, instead of base64. Reads
/// it back from either form: a JSON object, or a JSON string as spools written before the bytes were kept.
/// </summary>
internal sealed class MetadataJsonConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Encoding.UTF8.GetBytes(reader.GetString() ?? "{}")
            : Encoding.UTF8.GetBytes(JsonElement.ParseValue(ref reader).GetRawText());

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Length == 0 ? "{}"u8 : value, skipInputValidation: true);
}
