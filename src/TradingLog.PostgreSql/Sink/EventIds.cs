using System.Buffers.Binary;

namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// Time-ordered UUIDv7 event IDs: 48 bits of Unix milliseconds, then 74 random bits from a fast per-process generator.
/// <see cref="Guid.CreateVersion7()"/> draws from the cryptographic generator on every call (about 1.6 µs here);
/// an event ID only needs to be unique, not secret, so this one costs a few tens of nanoseconds.
/// </summary>
internal static class EventIds
{
    public static Guid New(DateTimeOffset timestamp)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = (ulong)timestamp.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteUInt64BigEndian(bytes[..8], (milliseconds << 16) | BinaryPrimitives.ReadUInt16BigEndian(bytes[6..8]));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
