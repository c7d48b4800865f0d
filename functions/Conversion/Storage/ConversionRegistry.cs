using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Etransactions.Functions.Conversion.Messages;

namespace Etransactions.Functions.Conversion.Storage;

/// <summary>
/// The conversion registry in Table storage: <c>conversions</c>, one row per upload (status, reason, attempts,
/// message id), and <c>datamessages</c>, one row per lookup code, whose creation guards the code's
/// uniqueness and whose state lets one delivery build a message while another waits.
/// </summary>
public sealed class ConversionRegistry(TableServiceClient tables)
{
    public const string ConversionsTable = "conversions";
    public const string DataMessagesTable = "datamessages";
    private const string MessageRow = "message";
    private const int MaxCodeAttempts = 20;

    private readonly TableClient _conversions = tables.GetTableClient(ConversionsTable);
    private readonly TableClient _messages = tables.GetTableClient(DataMessagesTable);
    private readonly Lazy<Task> _created = new(() => Task.WhenAll(
        tables.GetTableClient(ConversionsTable).CreateIfNotExistsAsync(),
        tables.GetTableClient(DataMessagesTable).CreateIfNotExistsAsync()));

    public async Task<ConversionRecord?> GetConversionAsync(string blobPath, CancellationToken cancellation)
    {
        await ReadyAsync();
        var (partition, row) = ConversionKey(blobPath);
        var found = await _conversions.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellation);
        return found.HasValue ? ConversionRows.ToConversion(found.Value!) : null;
    }

    public async Task SaveConversionAsync(ConversionRecord record, CancellationToken cancellation)
    {
        await ReadyAsync();
        var (partition, row) = ConversionKey(record.BlobPath);
        await _conversions.UpsertEntityAsync(ConversionRows.FromConversion(record, partition, row), TableUpdateMode.Replace, cancellation);
    }

    public async Task<DataMessageRecord?> GetDataMessageAsync(string code, CancellationToken cancellation)
    {
        await ReadyAsync();
        var found = await _messages.GetEntityIfExistsAsync<TableEntity>(code, MessageRow, cancellationToken: cancellation);
        return found.HasValue ? ConversionRows.ToDataMessage(found.Value!) : null;
    }

    /// <summary>
    /// Reserves a unique lookup code for a message, or returns the one it already holds. Candidates derive from
    /// the message id, so every delivery of the same content walks the same sequence and finds its own row; a
    /// code held by another message is passed over.
    /// </summary>
    public async Task<DataMessageRecord> ReserveAsync(string messageId, string agencyCode, string sourcePath, string sourceSha256, DateTimeOffset convertedAt, CancellationToken cancellation)
    {
        await ReadyAsync();
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = LookupCode.Candidate(messageId, attempt).Canonical;
            var record = new DataMessageRecord(code, messageId, agencyCode, sourcePath, sourceSha256, convertedAt, DataMessageState.Reserved);
            try
            {
                var created = await _messages.AddEntityAsync(ConversionRows.FromDataMessage(record, MessageRow), cancellation);
                return record with { ETag = created.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException taken) when (taken.Status == 409)
            {
                if (await GetDataMessageAsync(code, cancellation) is { } existing && existing.MessageId == messageId)
                {
                    return existing;
                }
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
            await _messages.UpdateEntityAsync(claim, record.ETag is { } etag ? new ETag(etag) : ETag.All, TableUpdateMode.Merge, cancellation);
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
        await _messages.UpdateEntityAsync(stored, ETag.All, TableUpdateMode.Merge, cancellation);
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
            await _messages.UpdateEntityAsync(released, new ETag(existing.ETag!), TableUpdateMode.Merge, cancellation);
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
            await _messages.DeleteEntityAsync(code, MessageRow, ETag.All, cancellation);
        }
    }

    private Task ReadyAsync() => _created.Value;

    /// <summary>Table keys cannot hold '/', '\', '#' or '?': an upload is keyed by the SHA-256 of its path.</summary>
    private static (string Partition, string Row) ConversionKey(string blobPath)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobPath)));
        return (hash[..2], hash);
    }
}
