namespace Etransactions.Functions.ActiveUsers.Counting;

/// <summary>
/// Writes a <see cref="KeySet"/> key by key (ascending, distinct), buffered. The count in the header is
/// written last, in place, so the output must be seekable (a temporary file, a memory stream).
/// </summary>
public sealed class KeySetWriter : IDisposable
{
    private readonly Stream _output;
    private readonly long _start;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;
    private ulong _previous;
    private bool _done;

    public KeySetWriter(Stream output)
    {
        if (!output.CanSeek)
        {
            throw new ArgumentException("A key set is written to a seekable stream: its count comes last.", nameof(output));
        }
        _output = output;
        _start = output.Position;
        KeySet.Magic.CopyTo(_buffer);
        _used = KeySet.Magic.Length + KeySet.CountLength;
    }

    /// <summary>How many keys were added.</summary>
    public long Count { get; private set; }

    public void Add(ulong key)
    {
        if (Count > 0 && key <= _previous)
        {
            throw new InvalidOperationException($"Keys must be ascending and distinct: {key:x16} after {_previous:x16}.");
        }
        if (_used > _buffer.Length - 10)
        {
            _output.Write(_buffer, 0, _used);
            _used = 0;
        }
        var delta = key - (Count == 0 ? 0 : _previous);
        while (delta >= 0x80)
        {
            _buffer[_used++] = (byte)(delta | 0x80);
            delta >>= 7;
        }
        _buffer[_used++] = (byte)delta;
        _previous = key;
        Count++;
    }

    /// <summary>Writes what is buffered and the count; the stream is left after the set's end.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }
        _done = true;
        _output.Write(_buffer, 0, _used);
        var end = _output.Position;
        _output.Position = _start + KeySet.Magic.Length;
        Span<byte> count = stackalloc byte[KeySet.CountLength];
        KeySet.WritePaddedCount(count, (ulong)Count);
        _output.Write(count);
        _output.Position = end;
        _output.Flush();
    }
}
