using System.Text;
using PdfSharp.Pdf;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>The document information (and the XMP PDFsharp writes from it) of a data message.</summary>
internal static class DocumentInfo
{
    public const string Application = "etransactions";

    public static void Set(PdfDocument document, SymbolBlock symbol)
    {
        var info = document.Info;
        info.Title = $"{symbol.SymbolVi.Normalize(NormalizationForm.FormC)} ({symbol.LookupCode})";
        info.Author = symbol.Converter.Normalize(NormalizationForm.FormC);
        info.Subject = symbol.SymbolEn;
        // PDFsharp writes the keywords into the XMP packet it makes on every save, signing included.
        info.Keywords = symbol.RegisterNumber is { } number ? $"{symbol.LookupCode} {number}" : symbol.LookupCode;
        if (symbol.RegisterNumber is { } registered)
        {
            info.Elements.SetString("/RegisterNumber", registered);
            info.Elements.SetString("/ConversionDirection", Register.RegisterDirection.ScanToDataMessage);
        }
        // The application that made the document. The producer is PDFsharp's to write: it keeps the entry read-only
        // and sets it on every save.
        info.Creator = Application;
        // A local DateTime: PDFsharp writes the offset of the machine's zone, so the instant stays right wherever it runs.
        info.CreationDate = symbol.ConvertedAt.LocalDateTime;
        info.ModificationDate = symbol.ConvertedAt.LocalDateTime;
        document.Language = "vi";
    }
}
