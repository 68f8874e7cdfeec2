namespace TradingLog.Files;

/// <summary>Formatted lines as UTF-8 bytes in one buffer, with each line's end offset, so a file can write any run of them at once.</summary>
internal sealed class LineBatch
{
    private byte[] _buffer = new byte[64 * 1024];
    private readonly List<int> _ends = [];

    public int Count => _ends.Count;

    public long TotalBytes => _ends.Count == 0 ? 0 : _ends[^1];

    public void Add(ReadOnlySpan<byte> line)
    {
        var start = (int)TotalBytes;
        if (start + line.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, start + line.Length));
        }

        line.CopyTo(_buffer.AsSpan(start));
        _ends.Add(start + line.Length);
    }

    public void AddFrom(LineBatch other, int line) => Add(other.Span(line, line + 1));

    public int LengthOf(int line) => _ends[line] - (line == 0 ? 0 : _ends[line - 1]);

    public ReadOnlySpan<byte> Span(int fromLine, int toLine)
    {
        var start = fromLine == 0 ? 0 : _ends[fromLine - 1];
        return _buffer.AsSpan(start, _ends[toLine - 1] - start);
    }

    /// <summary>Drops the first <paramref name="lines"/> lines.</summary>
    public void RemoveFirst(int lines)
    {
        if (lines <= 0)
        {
            return;
        }

        if (lines >= Count)
        {
            Clear();
            return;
        }

        var cut = _ends[lines - 1];
        var total = (int)TotalBytes;
        Buffer.BlockCopy(_buffer, cut, _buffer, 0, total - cut);
        _ends.RemoveRange(0, lines);
        for (var i = 0; i < _ends.Count; i++)
        {
            _ends[i] -= cut;
        }
    }

    public void Clear() => _ends.Clear();
}
