using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;
using Keys = PdfSharp.Pdf.AcroForms.PdfSignatureField.Keys;

namespace Etransactions.Functions.Signing;

/// <summary>
/// What PDFsharp's signature handler calls to sign one document: the room to reserve, the CMS over the signed
/// byte ranges, and the entries of the signature dictionary that PAdES needs and PDFsharp 6.2.4 writes
/// otherwise (/SubFilter adbe.pkcs7.detached, /M from the machine's clock, no /Name).
/// </summary>
internal sealed class PadesDigitalSigner(PdfDocument document, SigningKey key, SignatureRequest request) : IDigitalSigner
{
    private const string CadesDetached = "/ETSI.CAdES.detached";

    private bool _dictionaryCompleted;

    /// <summary>
    /// PDFsharp reads this once, right after it has built the signature dictionary and before it writes the
    /// file: the one moment its dictionary can still be changed by its own API rather than by patching bytes.
    /// So the PAdES entries are set here; <see cref="GetSignatureAsync"/> refuses to sign if they were not.
    /// </summary>
    public string CertificateName
    {
        get
        {
            if (!_dictionaryCompleted)
            {
                CompleteDictionary();
                _dictionaryCompleted = true;
            }

            return key.CommonName;
        }
    }

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(CadesSignature.SizeFor(key));

    public async Task<byte[]> GetSignatureAsync(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!_dictionaryCompleted)
        {
            // A PDFsharp that no longer asks for the name at that moment would otherwise sign a non-PAdES dictionary.
            throw new InvalidOperationException("The signature dictionary was written without its PAdES entries; PDFsharp's signing order has changed (6.2.4 is pinned).");
        }

        return CadesSignature.Create(await ReadAllAsync(stream), key);
    }

    private void CompleteDictionary()
    {
        // The new signature dictionary is the one PdfSignature2: a signed input's dictionaries are read as plain ones.
        var signature = document.Internals.GetAllObjects().OfType<PdfSignature2>().Single();
        signature.Elements.SetName(Keys.SubFilter, CadesDetached);
        // PdfDate writes the machine's UTC offset whatever the value's kind: hand it the local time.
        signature.Elements[Keys.M] = new PdfDate(request.SignedAt.LocalDateTime);
        // Text strings in UTF-16BE, so Vietnamese keeps its diacritics.
        signature.Elements[Keys.Name] = new PdfString(request.SignerName, PdfStringEncoding.Unicode);
        signature.Elements[Keys.Reason] = new PdfString(request.Reason, PdfStringEncoding.Unicode);
        if (string.IsNullOrEmpty(request.Location))
        {
            signature.Elements.Remove(Keys.Location);
        }
        else
        {
            signature.Elements[Keys.Location] = new PdfString(request.Location, PdfStringEncoding.Unicode);
        }
    }

    // The stream PDFsharp hands over joins the two signed ranges and cannot seek, nor be copied with CopyToAsync.
    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        stream.Position = 0;
        var bytes = new byte[stream.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var count = await stream.ReadAsync(bytes.AsMemory(read));
            if (count == 0)
            {
                throw new InvalidOperationException($"The signed byte ranges ended after {read} of {bytes.Length} bytes.");
            }

            read += count;
        }

        return bytes;
    }
}
