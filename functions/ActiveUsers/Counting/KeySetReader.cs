namespace Etransactions.Functions.ActiveUsers.Counting;

/// <summary>Reads a <see cref="KeySet"/> key by key from a stream, holding one buffer of it at a time.</summary>
public sealed class KeySetReader
{
    private readonly Stream _input;
    private readonly string _name;
    private readonly byte[] _buffer;
    private int _length;
    private int _position;
    private long _read;
    private ulong _current;

    public KeySetReader(Stream input, string name, int bufferSize = 64 * 1024)
    {
        _input = input;
        _name = name;
        _buffer = new byte[bufferSize];
        Span<byte> magic = stackalloc byte[4];
        for (var i = 0; i < magic.Length; i++)
        {
            magic[i] = NextByte() ?? throw Malformed("it ends before its header");
        }
        if (!magic.SequenceEqual(KeySet.Magic))
        {
            throw Malformed("it is not a key set");
        }
        Count = checked((long)Varint());
    }

    /// <summary>How many keys the set holds.</summary>
    public long Count { get; }

    /// <summary>The next key, ascending; false once all were read.</summary>
    public bool TryRead(out ulong key)
    {
        if (_read == Count)
        {
            key = 0;
            return false;
        }
        var delta = Varint();
        if (_read > 0 && delta == 0)
        {
            throw Malformed($"key {_read} repeats the one before");
        }
        _current = _read == 0 ? delta : checked(_current + delta);
        _read++;
        key = _current;
        return true;
    }

    private ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = NextByte() ?? throw Malformed($"it ends after {_read} of its {Count} keys");
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }
        throw Malformed("a number runs past 64 bits");
    }

    private byte? NextByte()
    {
        if (_position == _length)
        {
            _length = _input.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0)
            {
                return null;
            }
        }
        return _buffer[_position++];
    }

    private InvalidDataException Malformed(string why) => new($"The key set {_name} is malformed: {why}.");
}
