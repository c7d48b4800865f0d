using System.Runtime.InteropServices;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

internal static class ScanStream
{
    /// <summary>A read-only stream over the scan's bytes, without copying them when they sit in an array.</summary>
    public static MemoryStream Of(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
