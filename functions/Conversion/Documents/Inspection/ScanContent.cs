namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>What bytes are, from their magic numbers alone.</summary>
internal static class ScanContent
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PdfHeader => "%PDF-"u8;

    public static ScanKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return ScanKind.Png;
        }
        if (bytes is [0xFF, 0xD8, 0xFF, ..])
        {
            return ScanKind.Jpeg;
        }
        // Little-endian "II*\0" or big-endian "MM\0*"; BigTIFF (43) is sniffed too so that it is refused by name.
        if (bytes is [0x49, 0x49, 0x2A or 0x2B, 0x00, ..] or [0x4D, 0x4D, 0x00, 0x2A or 0x2B, ..])
        {
            return ScanKind.Tiff;
        }
        // Readers accept the header anywhere in the first kilobyte (some scanners write junk before it).
        return bytes[..Math.Min(bytes.Length, 1024)].IndexOf(PdfHeader) >= 0 ? ScanKind.Pdf : null;
    }

    /// <summary>The name a clerk knows the content by, for a mismatch's reason.</summary>
    public static string Name(ScanKind? kind) => kind?.ToString().ToUpperInvariant() ?? "unknown";
}
