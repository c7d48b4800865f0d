using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.PaperCopies.Pdf;
using Etransactions.Functions.Conversion.Requests;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.InformationSystem;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Register;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary>
/// Makes the paper copy of a stored data message (Decree 137 Art. 5): checks the caller holds it, numbers the
/// conversion in the register, lays the original's pages on A4 with the band, stores the PDF and records the
/// copy. The same converter asking the same purpose again within <see cref="RepeatWindow"/> gets the first copy.
/// </summary>
public sealed partial class PaperCopyIssuer(
    ConversionRegistry messages, ConversionStore files, PaperCopyStore copies, ConversionRegister register, TimeProvider clock,
    IOptions<InformationSystemOptions> system, IOptions<ConversionOptions> conversion, ILogger<PaperCopyIssuer> logger)
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WaitForOther = TimeSpan.FromSeconds(30);
    private const int MaxTitleInQr = 150;

    /// <returns>The copy, and whether this request made it (false: a repeat, the first copy).</returns>
    public async Task<(PaperCopyRecord Copy, bool Created)> IssueAsync(string codeInput, Caller caller, PaperCopyBody body, CancellationToken cancellation)
    {
        var code = DataMessageCode.Parse(codeInput);
        var message = await messages.GetDataMessageAsync(code.Canonical, cancellation);
        if (message is not { State: DataMessageState.Stored, PdfPath: not null })
        {
            throw DataMessageCode.NotFound(code);
        }
        caller.RequireAgencyOrRegulator(message.AgencyCode);
        var converter = ConverterOf(body.Converter);
        var purpose = body.Purpose.Trim();

        var deadline = clock.GetUtcNow() + WaitForOther;
        while (true)
        {
            var now = clock.GetUtcNow();
            var (latestId, latestAt, etag) = await copies.LatestAsync(code.Canonical, converter, purpose, cancellation);
            if (latestId is not null && latestAt is { } at && now - at < RepeatWindow)
            {
                if (await copies.GetAsync(code.Canonical, latestId, cancellation) is { State: PaperCopyState.Issued } first)
                {
                    return (first, false);
                }
                if (now > deadline)
                {
                    throw new Core.TransientException($"The paper copy {latestId} of {code.Display} is still being made; ask again shortly.");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
                continue;
            }
            var copyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            if (await copies.ClaimAsync(code.Canonical, converter, purpose, copyId, now, etag, cancellation))
            {
                return (await MakeAsync(code, message, copyId, converter, purpose, now, cancellation), true);
            }
        }
    }

    private async Task<PaperCopyRecord> MakeAsync(
        LookupCode code, DataMessageRecord message, string copyId, string converter, string purpose, DateTimeOffset now, CancellationToken cancellation)
    {
        var copy = new PaperCopyRecord(code.Canonical, copyId, message.AgencyCode, now, converter, purpose, PaperCopyState.Building);
        RegisterEntry? entry = null;
        try
        {
            await copies.SaveAsync(copy, cancellation);
            var original = (await files.ReadDataMessageFileAsync(message.PdfPath!, cancellation))?.ToArray()
                ?? throw new InvalidOperationException($"The PDF of data message {code.Display} is gone from {message.PdfPath}.");
            var originalSha256 = Convert.ToHexStringLower(SHA256.HashData(original));
            if (message.OutputSha256 is { } stored && stored != originalSha256)
            {
                throw new InvalidOperationException($"The stored PDF of {code.Display} does not match its recorded SHA-256.");
            }
            var title = await TitleAsync(message, code, cancellation);
            entry = await register.EnterAsync(new RegisterRequest(
                message.AgencyCode, $"paper:{copyId}", RegisterDirection.DataMessageToPaper, now, converter, code.Display, originalSha256, message.PageCount ?? 0)
            { CopyId = copyId }, cancellation);
            var verifyUrl = DataMessageSymbol.VerificationUrl(conversion.Value.VerifyUrlBase, code.Display);
            var info = system.Value;
            var qr = new PaperCopyQr(code.Display, info.Name, title.Length > MaxTitleInQr ? title[..MaxTitleInQr] : title, now, entry.Number.ToString(), verifyUrl);
            var band = new PaperBand(now, converter, info.Name, info.Administrator, code.Display, entry.Number.ToString(), verifyUrl, title, qr.Encode());
            var built = Build(original, band, RegisterFields(entry, info, verifyUrl));
            var path = await copies.WritePdfAsync(message.AgencyCode, code.Canonical, copyId, built.Pdf, cancellation);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(built.Pdf));
            entry = await register.CompleteAsync(entry.Number, sha256, built.PageCount, cancellation);
            copy = copy with
            {
                State = PaperCopyState.Issued,
                Number = entry.Number.ToString(),
                PdfPath = path,
                Sha256 = sha256,
                Bytes = built.Pdf.LongLength,
                Pages = built.PageCount,
            };
            await copies.SaveAsync(copy, CancellationToken.None);
            LogIssued(code.Display, copy.Number, built.PageCount);
            return copy;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await copies.ReleaseAsync(code.Canonical, converter, purpose, copyId, CancellationToken.None);
            if (entry is not null)
            {
                await register.VoidAsync(entry.Number, $"The paper copy could not be made: {failure.GetType().Name}", CancellationToken.None);
            }
            throw;
        }
    }

    private static BuiltPaperCopy Build(byte[] original, PaperBand band, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        try
        {
            return PaperCopyBuilder.Build(original, band, fields);
        }
        catch (PaperCopyTextException unprintable)
        {
            var message = $"Không in được / Cannot be printed: {unprintable.Message}";
            throw new ValidationFailedException([new FieldError("converter", message)], message);
        }
    }

    /// <summary>What the XMP of the copy says of its conversion: the register's fields, less the copy's own hash.</summary>
    private static KeyValuePair<string, string>[] RegisterFields(RegisterEntry entry, InformationSystemOptions info, string verifyUrl) =>
    [
        new("RegisterNumber", entry.Number.ToString()),
        new("Direction", entry.Direction),
        new("ConvertedAt", VietnamTime.Format(entry.ConvertedAt)),
        new("Converter", entry.Converter),
        new("LookupCode", entry.LookupCode),
        new("InputSha256", entry.InputSha256),
        new("InputPages", entry.InputPages.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("OutputPages", entry.InputPages.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("InformationSystem", info.Name),
        new("Administrator", info.Administrator),
        new("VerifyUrl", verifyUrl),
    ];

    /// <summary>The document's title from its manifest, else the name of the file it came from.</summary>
    private async Task<string> TitleAsync(DataMessageRecord message, LookupCode code, CancellationToken cancellation)
    {
        if (message.ManifestPath is { } path
            && await files.ReadDataMessageFileAsync(path, cancellation) is { } manifest
            && JsonNode.Parse(manifest.ToString()) is JsonObject fields)
        {
            if (fields["title"]?.GetValue<string>() is { Length: > 0 } title)
            {
                return title;
            }
            if (fields["source"]?["path"]?.GetValue<string>() is { Length: > 0 } source)
            {
                return source[(source.LastIndexOf('/') + 1)..];
            }
        }
        return code.Display;
    }

    private static string ConverterOf(string given)
    {
        try
        {
            return ConverterName.From(given).Value;
        }
        catch (ScanRejectedException)
        {
            const string Message = "Họ tên người chuyển đổi dài quá 300 ký tự hoặc chứa ký tự điều khiển / The converter's full name is over 300 characters or holds control characters";
            throw new ValidationFailedException([new FieldError("converter", Message)], Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper copy of data message {LookupCode} issued as {Number}, {PageCount} pages")]
    private partial void LogIssued(string lookupCode, string? number, int pageCount);
}
