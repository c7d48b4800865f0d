using System.Text.Json.Nodes;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Conversion.Requests;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Conversion;

/// <summary>
/// What the lookup API answers (Art. 5.1.b: access to a data message by a unique code through a search
/// interface): the status of an upload, a data message by its code, and its stored files. <c>apiBase</c> is
/// the absolute URL of the API root (<c>http://127.0.0.1:7071/api</c>), for the links.
/// </summary>
public sealed class ConversionLookups(ConversionRegistry registry, ConversionStore store)
{
    public async Task<JsonObject> ConversionStatusAsync(string? blob, string apiBase, CancellationToken cancellation)
    {
        var record = await RecordAsync(blob, cancellation);
        var view = new JsonObject
        {
            ["blob"] = record.BlobPath,
            ["status"] = record.Status,
            ["attempts"] = record.Attempts,
            ["firstSeenAt"] = IsoTime.Format(record.FirstSeenAt),
            ["updatedAt"] = JsonObjectOf(Instant.Of(record.UpdatedAt)),
        };
        if (record.Status == ConversionStatus.Rejected)
        {
            view["reason"] = new JsonObject { ["vi"] = record.ReasonVi ?? "", ["en"] = record.ReasonEn ?? "", ["code"] = record.RejectionCode ?? "" };
        }
        if (record.LastError is { } error && record.Status is ConversionStatus.Processing or ConversionStatus.Failed)
        {
            view["lastError"] = error;
        }
        if (record.MessageId is { } messageId)
        {
            view["messageId"] = messageId;
        }
        if (record.Status == ConversionStatus.Converted && record.LookupCode is { } code)
        {
            var links = LinksOf(apiBase, code);
            view["lookupCode"] = LookupCode.Parse(code).Display;
            view["links"] = new JsonObject { ["dataMessage"] = links.Self, ["pdf"] = links.Pdf, ["manifest"] = links.Manifest };
        }
        return view;
    }

    /// <summary>The record of an upload, from the <c>blob</c> parameter (with or without <c>scans/</c>).</summary>
    public async Task<ConversionRecord> RecordAsync(string? blob, CancellationToken cancellation)
    {
        var given = blob?.Trim() ?? "";
        if (given.Length == 0 || given.TrimEnd('/') == ScanLocation.Container)
        {
            var message = Both("Cần tham số blob=scans/{mã cơ quan}/{đường dẫn}", "The query parameter blob=scans/{agencyCode}/{path} is required");
            throw new ValidationFailedException([new FieldError("blob", message)], message);
        }
        var blobPath = Electronic.DocumentLocation.Holds(given) ? Electronic.DocumentLocation.NormalisePath(given) : ScanLocation.NormalisePath(given);
        return await registry.GetConversionAsync(blobPath, cancellation)
            ?? throw new NotFoundException(Both($"Chưa có bản ghi chuyển đổi cho {blobPath}", $"No conversion is recorded for {blobPath}"));
    }

    /// <summary>The manifest without its (possibly long) text, its length instead, and the links.</summary>
    public async Task<JsonObject> DataMessageAsync(string codeInput, string apiBase, CancellationToken cancellation)
    {
        var (record, code) = await StoredAsync(codeInput, cancellation);
        var manifest = JsonNode.Parse((await FileAsync(record.ManifestPath!, code, cancellation)).ToString())!.AsObject();
        var text = manifest["text"]?.GetValue<string>() ?? "";
        manifest.Remove("text");
        manifest["textLength"] = text.Length;
        var links = LinksOf(apiBase, code.Canonical);
        manifest["links"] = new JsonObject { ["self"] = links.Self, ["pdf"] = links.Pdf, ["manifest"] = links.Manifest };
        return manifest;
    }

    /// <summary>A stored file as stored: <c>pdf</c> or <c>manifest</c>.</summary>
    public async Task<(BinaryData Content, string ContentType, string FileName)> DataMessageFileAsync(string codeInput, string kind, CancellationToken cancellation)
    {
        var (record, code) = await StoredAsync(codeInput, cancellation);
        var isPdf = kind == "pdf";
        var content = await FileAsync(isPdf ? record.PdfPath! : record.ManifestPath!, code, cancellation);
        return (content, isPdf ? "application/pdf" : "application/json; charset=utf-8", $"{code.Display}.{(isPdf ? "pdf" : "json")}");
    }

    private async Task<(DataMessageRecord Record, LookupCode Code)> StoredAsync(string codeInput, CancellationToken cancellation)
    {
        var code = DataMessageCode.Parse(codeInput);
        var record = await registry.GetDataMessageAsync(code.Canonical, cancellation);
        if (record is not { State: DataMessageState.Stored, ManifestPath: not null, PdfPath: not null })
        {
            throw DataMessageCode.NotFound(code);
        }
        return (record, code);
    }

    private async Task<BinaryData> FileAsync(string path, LookupCode code, CancellationToken cancellation) =>
        await store.ReadDataMessageFileAsync(path, cancellation)
            ?? throw new NotFoundException(Both($"Tệp của thông điệp {code.Display} không còn", $"The files of data message {code.Display} are gone"));

    private static (string Self, string Pdf, string Manifest) LinksOf(string apiBase, string canonical)
    {
        var self = $"{apiBase}/data-messages/{LookupCode.Parse(canonical).Display}";
        return (self, $"{self}/pdf", $"{self}/manifest");
    }

    private static JsonObject JsonObjectOf(Instant instant) => new() { ["utc"] = instant.Utc, ["local"] = instant.Local };

    private static string Both(string vi, string en) => $"{vi} / {en}";
}
