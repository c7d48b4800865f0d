using PdfSharp.Fonts;

namespace Etransactions.Functions.Conversion.Documents.Pdf.Fonts;

/// <summary>Serves DejaVu Sans from the assembly's resources, whatever style is asked for (the app draws regular text only).</summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    private const string FaceName = "DejaVuSans";

    private static readonly Lazy<byte[]> Bytes = new(ReadResource);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, DejaVuFonts.Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(FaceName) : null;

    public byte[]? GetFont(string faceName) => faceName == FaceName ? Bytes.Value : null;

    private static byte[] ReadResource()
    {
        using var stream = typeof(DejaVuFontResolver).Assembly.GetManifestResourceStream("Etransactions.Functions.Conversion.Documents.Pdf.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The DejaVu Sans font is missing from the assembly's resources.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
