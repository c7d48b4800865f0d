using System.Runtime.InteropServices;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>The scan's bytes in the shapes the reading libraries take, without copying them when they sit in an array.</summary>
internal static class ScanBytes
{
    public static MemoryStream Stream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    public static byte[] Array(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null && segment.Offset == 0 && segment.Count == segment.Array.Length
            ? segment.Array
            : bytes.ToArray();
}
