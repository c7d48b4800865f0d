namespace Etransactions.Bench.ActiveUsers;

/// <summary>The lines of a <see cref="SyntheticActivity"/> as a read-only stream, made as they are read.</summary>
internal sealed class GeneratedStream(SyntheticActivity activity) : Stream
{
    private readonly byte[] _block = new byte[1024 * 1024];
    private int _length;
    private int _position;
    private long _next;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position == _length)
        {
            (_length, _next) = activity.Fill(_block, _next);
            _position = 0;
            if (_length == 0)
            {
                return 0;
            }
        }
        var taken = Math.Min(buffer.Length, _length - _position);
        _block.AsSpan(_position, taken).CopyTo(buffer);
        _position += taken;
        return taken;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
