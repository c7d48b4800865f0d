using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary>
/// Paper copies in storage: the table <c>papercopies</c> (partition: the message's code; a row per copy, and a
/// row per converter and purpose naming the latest copy, which makes a repeated request return it) and the
/// container <c>paper-copies</c> with the PDFs at <c>{agency}/{code}/{copyId}.pdf</c>.
/// </summary>
public sealed class PaperCopyStore(AppTables tables, BlobServiceClient blobs)
{
    public const string Table = "papercopies";
    public const string Container = "paper-copies";
    private const string CopyPrefix = "c";
    private const string LatestPrefix = "l";

    private readonly AppTable _rows = tables[Table];
    private readonly BlobContainerClient _files = blobs.GetBlobContainerClient(Container);
    private readonly Lazy<Task> _created = new(() => blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync());

    /// <summary>The latest copy asked by this converter for this purpose, with the row's ETag for <see cref="ClaimAsync"/>.</summary>
    public async Task<(string? CopyId, DateTimeOffset? At, ETag? ETag)> LatestAsync(string code, string converter, string purpose, CancellationToken cancellation)
    {
        var row = await _rows.GetAsync(code, LatestRow(converter, purpose), cancellation);
        return row is null ? (null, null, null) : (row.GetString("CopyId"), row.GetDateTimeOffset("At"), row.ETag);
    }

    /// <summary>Makes <paramref name="copyId"/> the latest copy of this converter and purpose; false when another request did first.</summary>
    public async Task<bool> ClaimAsync(string code, string converter, string purpose, string copyId, DateTimeOffset at, ETag? seen, CancellationToken cancellation)
    {
        var table = await _rows.ClientAsync();
        var row = new TableEntity(code, LatestRow(converter, purpose)) { ["CopyId"] = copyId, ["At"] = at };
        try
        {
            if (seen is { } etag)
            {
                await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellation);
            }
            else
            {
                await table.AddEntityAsync(row, cancellation);
            }
            return true;
        }
        catch (RequestFailedException lost) when (lost.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Forgets a claim whose copy could not be made, so the next request makes one.</summary>
    public async Task ReleaseAsync(string code, string converter, string purpose, string copyId, CancellationToken cancellation)
    {
        if (await _rows.GetAsync(code, LatestRow(converter, purpose), cancellation) is { } row && row.GetString("CopyId") == copyId)
        {
            var table = await _rows.ClientAsync();
            try
            {
                await table.DeleteEntityAsync(code, row.RowKey, row.ETag, cancellation);
            }
            catch (RequestFailedException gone) when (gone.Status is 404 or 412)
            {
                // Moved on meanwhile.
            }
        }
    }

    public async Task SaveAsync(PaperCopyRecord copy, CancellationToken cancellation) =>
        await _rows.UpsertAsync(TableRow.Of(copy.Code, CopyPrefix + copy.CopyId, new Dictionary<string, object?>
        {
            ["CopyId"] = copy.CopyId,
            ["AgencyCode"] = copy.AgencyCode,
            ["IssuedAt"] = copy.IssuedAt,
            ["Converter"] = copy.Converter,
            ["Purpose"] = copy.Purpose,
            ["State"] = copy.State,
            ["Number"] = copy.Number,
            ["PdfPath"] = copy.PdfPath,
            ["Sha256"] = copy.Sha256,
            ["Bytes"] = copy.Bytes,
            ["Pages"] = copy.Pages,
        }), cancellation);

    public async Task<PaperCopyRecord?> GetAsync(string code, string copyId, CancellationToken cancellation) =>
        await _rows.GetAsync(code, CopyPrefix + copyId, cancellation) is { } row ? ToCopy(row) : null;

    /// <summary>The copies issued from a message, oldest first.</summary>
    public async Task<IReadOnlyList<PaperCopyRecord>> IssuedAsync(string code, CancellationToken cancellation)
    {
        var copies = new List<PaperCopyRecord>();
        await foreach (var row in _rows.ListPartitionAsync(code, cancellation))
        {
            if (row.RowKey.StartsWith(CopyPrefix, StringComparison.Ordinal) && ToCopy(row) is { State: PaperCopyState.Issued } copy)
            {
                copies.Add(copy);
            }
        }
        return [.. copies.OrderBy(copy => copy.IssuedAt)];
    }

    /// <summary>Writes the PDF once (If-None-Match): a copy's file never changes.</summary>
    public async Task<string> WritePdfAsync(string agencyCode, string code, string copyId, byte[] pdf, CancellationToken cancellation)
    {
        await _created.Value;
        var name = $"{agencyCode}/{code}/{copyId}.pdf";
        try
        {
            await _files.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(pdf), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellation);
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            // Written by an earlier try of the same copy.
        }
        return $"{Container}/{name}";
    }

    public async Task<BinaryData?> ReadPdfAsync(string path, CancellationToken cancellation)
    {
        try
        {
            return (await _files.GetBlobClient(path[(Container.Length + 1)..]).DownloadContentAsync(cancellation)).Value.Content;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    private static string LatestRow(string converter, string purpose) =>
        LatestPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{converter}\n{purpose}")));

    private static PaperCopyRecord ToCopy(TableEntity row) =>
        new(row.PartitionKey, row.GetString("CopyId"), row.GetString("AgencyCode"), row.GetDateTimeOffset("IssuedAt") ?? default,
            row.GetString("Converter"), row.GetString("Purpose"), row.GetString("State"))
        {
            Number = row.GetString("Number"),
            PdfPath = row.GetString("PdfPath"),
            Sha256 = row.GetString("Sha256"),
            Bytes = row.GetInt64("Bytes"),
            Pages = row.GetInt32("Pages"),
        };
}
