using System.Text.Json;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Conversion.Messages;

/// <summary>
/// The manifest stored beside each data message (<c>data-messages/{agencyCode}/{messageId}.json</c>): what
/// Art. 4.1.a asks the message to show (symbol, time, converter), how its content was obtained (OCR engine,
/// language, confidence, the text, and per page whether the text is OCR's or the PDF's own), and the hashes
/// that tie it to its source and to the stored PDF. Schema <c>etransactions.data-message-manifest/1</c>.
/// </summary>
public sealed record DataMessageManifest(
    string Schema,
    string MessageId,
    string LookupCode,
    string AgencyCode,
    ManifestSymbol Symbol,
    Instant ConvertedAt,
    string Converter,
    string Purpose,
    ManifestSource Source,
    ManifestOutput Output,
    ManifestOcr Ocr,
    ManifestQr? Qr,
    ManifestSignature? Signature,
    IReadOnlyList<ManifestPage> Pages,
    string Text)
{
    public const string SchemaName = "etransactions.data-message-manifest/1";

    /// <summary>The conversion's number in the register, <c>{agency}/{year}/{sequence}</c>.</summary>
    public string? RegisterNumber { get; init; }

    private static readonly JsonSerializerOptions Written = new(AppJson.Options) { WriteIndented = true, IndentSize = 2 };

    /// <summary>The manifest as stored: indented JSON, UTF-8, a final newline.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Written).Concat("\n"u8.ToArray()).ToArray();
}

public sealed record ManifestSymbol(string Vi, string En);

/// <summary>An instant in UTC and in Vietnam time.</summary>
public sealed record Instant(string Utc, string Local)
{
    public static Instant Of(DateTimeOffset at) => new(IsoTime.Format(at), VietnamTime.Format(at));
}

/// <param name="Kind">pdf, png, jpeg or tiff, from the content.</param>
public sealed record ManifestSource(string Path, string Sha256, long Bytes, string Kind);

/// <param name="Sha256">Of the PDF exactly as stored (after signing).</param>
public sealed record ManifestOutput(string Path, string Sha256, long Bytes, int PageCount);

public sealed record ManifestOcr(string Engine, string Language, double MeanConfidence);

public sealed record ManifestQr(string Payload);

public sealed record ManifestSignature(string Signer, Instant SignedAt, bool RequiredByPurpose);

/// <param name="Text">Where the page's text came from: "ocr", or "pdf" (the page's own text layer, kept).</param>
public sealed record ManifestPage(int Index, string Text, int Characters);
