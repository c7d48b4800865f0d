using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Conversion.Storage;

/// <summary>
/// The conversion registry in Table storage: <c>conversions</c>, one row per upload (status, reason, attempts,
/// message id), and <c>datamessages</c>, one row per lookup code, whose creation guards the code's
/// uniqueness and whose state lets one delivery build a message while another waits.
/// </summary>
public sealed class ConversionRegistry(AppTables tables)
{
    public const string ConversionsTable = "conversions";
    public const string DataMessagesTable = "datamessages";
    private const string MessageRow = "message";
    private const int MaxCodeAttempts = 20;

    private readonly AppTable _conversionRows = tables[ConversionsTable];
    private readonly AppTable _messageRows = tables[DataMessagesTable];

    public async Task<ConversionRecord?> GetConversionAsync(string blobPath, CancellationToken cancellation)
    {
        var (partition, row) = ConversionKey(blobPath);
        return await _conversionRows.GetAsync(partition, row, cancellation) is { } found ? ConversionRows.ToConversion(found) : null;
    }

    public async Task SaveConversionAsync(ConversionRecord record, CancellationToken cancellation)
    {
        var (partition, row) = ConversionKey(record.BlobPath);
        await _conversionRows.UpsertAsync(ConversionRows.FromConversion(record, partition, row), cancellation);
    }

    public async Task<DataMessageRecord?> GetDataMessageAsync(string code, CancellationToken cancellation)
    {
        return await _messageRows.GetAsync(code, MessageRow, cancellation) is { } found ? ConversionRows.ToDataMessage(found) : null;
    }

    /// <summary>
    /// Reserves a unique lookup code for a message, or returns the one it already holds. Candidates derive from
    /// the message id, so every delivery of the same content walks the same sequence and finds its own row; a
    /// code held by another message is passed over.
    /// </summary>
    public async Task<DataMessageRecord> ReserveAsync(string messageId, string agencyCode, string sourcePath, string sourceSha256, DateTimeOffset convertedAt, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = LookupCode.Candidate(messageId, attempt).Canonical;
            var record = new DataMessageRecord(code, messageId, agencyCode, sourcePath, sourceSha256, convertedAt, DataMessageState.Reserved);
            var (row, created) = await _messageRows.AddOrReadAsync(ConversionRows.FromDataMessage(record, MessageRow), cancellation);
            var kept = ConversionRows.ToDataMessage(row);
            if (created || kept.MessageId == messageId)
            {
                return created ? record with { ETag = kept.ETag } : kept;
            }
        }
        throw new InvalidOperationException($"No free lookup code for message {messageId} after {MaxCodeAttempts} candidates.");
    }

    /// <summary>Claims the build for this delivery; false when another delivery claimed it less than <paramref name="staleAfter"/> ago.</summary>
    public async Task<bool> ClaimBuildAsync(DataMessageRecord record, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellation)
    {
        if (record.State == DataMessageState.Stored
            || (record.State == DataMessageState.Building && record.ClaimedAt is { } claimed && now - claimed < staleAfter))
        {
            return false;
        }
        var claim = new TableEntity(record.Code, MessageRow) { ["State"] = DataMessageState.Building, ["ClaimedAt"] = now };
        try
        {
            var messages = await _messageRows.ClientAsync();
            await messages.UpdateEntityAsync(claim, record.ETag is { } etag ? new ETag(etag) : ETag.All, TableUpdateMode.Merge, cancellation);
            return true;
        }
        catch (RequestFailedException lost) when (lost.Status == 412)
        {
            return false;
        }
    }

    public async Task MarkStoredAsync(string code, string pdfPath, string manifestPath, string outputSha256, int pageCount, bool isSigned, CancellationToken cancellation)
    {
        var stored = new TableEntity(code, MessageRow)
        {
            ["State"] = DataMessageState.Stored,
            ["PdfPath"] = pdfPath,
            ["ManifestPath"] = manifestPath,
            ["OutputSha256"] = outputSha256,
            ["PageCount"] = pageCount,
            ["IsSigned"] = isSigned,
        };
        var messages = await _messageRows.ClientAsync();
        await messages.UpdateEntityAsync(stored, ETag.All, TableUpdateMode.Merge, cancellation);
    }

    /// <summary>Gives up this delivery's claim after a transient failure, so the next try need not wait for it to go stale.</summary>
    public async Task ReleaseClaimAsync(string code, CancellationToken cancellation)
    {
        if (await GetDataMessageAsync(code, cancellation) is not { State: DataMessageState.Building } existing)
        {
            return;
        }
        var released = new TableEntity(code, MessageRow) { ["State"] = DataMessageState.Reserved };
        try
        {
            var messages = await _messageRows.ClientAsync();
            await messages.UpdateEntityAsync(released, new ETag(existing.ETag!), TableUpdateMode.Merge, cancellation);
        }
        catch (RequestFailedException gone) when (gone.Status is 404 or 412)
        {
            // Someone else moved it on meanwhile.
        }
    }

    /// <summary>Frees a reservation whose content turned out unconvertible, so the code never resolves.</summary>
    public async Task ReleaseCodeAsync(string code, string messageId, CancellationToken cancellation)
    {
        if (await GetDataMessageAsync(code, cancellation) is { State: not DataMessageState.Stored } existing && existing.MessageId == messageId)
        {
            var messages = await _messageRows.ClientAsync();
            await messages.DeleteEntityAsync(code, MessageRow, ETag.All, cancellation);
        }
    }

    /// <summary>Table keys cannot hold '/', '\', '#' or '?': an upload is keyed by the SHA-256 of its path.</summary>
    private static (string Partition, string Row) ConversionKey(string blobPath)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobPath)));
        return (hash[..2], hash);
    }
}
