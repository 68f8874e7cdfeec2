namespace TradingLog.OpenTelemetry.Logs;

/// <summary>
/// Counts the log records in an OTLP <c>ExportLogsServiceRequest</c> by walking the protobuf wire format
/// (resource_logs = 1 → scope_logs = 2 → log_records = 2), without decoding them: how the export knows what was delivered.
/// </summary>
internal static class OtlpRecordCounter
{
    /// <summary>Records in a request body: plain protobuf (http/protobuf) or one gRPC message (a 5-byte frame header first).</summary>
    public static int Count(ReadOnlySpan<byte> body, bool grpcFramed)
    {
        if (grpcFramed)
        {
            if (body.Length < 5 || body[0] != 0)
            {
                return -1; // compressed or not a frame: unknown
            }

            body = body[5..];
        }

        var total = 0;
        foreach (var resource in Fields(body, 1))
        {
            foreach (var scope in Fields(resource, 2))
            {
                foreach (var _ in Fields(scope, 2))
                {
                    total++;
                }
            }
        }

        return total;
    }

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of one message.</summary>
    private static List<byte[]> Fields(ReadOnlySpan<byte> message, int number)
    {
        var found = new List<byte[]>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var wireType = (int)(tag & 7);
            var field = (int)(tag >> 3);
            switch (wireType)
            {
                case 0:
                    ReadVarint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    if (field == number)
                    {
                        found.Add(message.Slice(position, length).ToArray());
                    }

                    position += length;
                    break;
                default:
                    throw new FormatException($"unexpected protobuf wire type {wireType}");
            }
        }

        return found;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("malformed protobuf varint");
    }
}
