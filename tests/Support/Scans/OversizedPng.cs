using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Etransactions.TestSupport.Scans;

/// <summary>
/// Small, well-formed PNGs built to cost a careless reader gigabytes: a header that claims huge dimensions
/// (only the first rows carry data), or a compressed text chunk that inflates far beyond the file's size.
/// </summary>
public static class OversizedPng
{
    /// <summary>A greyscale PNG of a few hundred bytes whose header claims <c>width x height</c> pixels.</summary>
    public static byte[] Build(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, Deflated(new byte[(width + 1) * 4], 1));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    /// <summary>The PNG with a zTXt comment after its header that inflates to <paramref name="megabytes"/> MB of zeros.</summary>
    public static byte[] WithInflatingText(byte[] png, int megabytes)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var chunk = new MemoryStream();
        // Keyword, its terminator, compression method 0, then the zlib stream.
        WriteChunk(chunk, "zTXt"u8, [.. "Comment\0\0"u8, .. Deflated(new byte[1024 * 1024], megabytes)]);
        const int afterHeader = 8 + 25;
        return [.. png[..afterHeader], .. chunk.ToArray(), .. png[afterHeader..]];
    }

    private static byte[] Deflated(byte[] block, int times)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var i = 0; i < times; i++)
            {
                zlib.Write(block);
            }
        }
        return output.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        png.Write(number);
    }
}
