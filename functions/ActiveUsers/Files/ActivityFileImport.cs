using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Etransactions.Functions.ActiveUsers.Intake;
using Etransactions.Functions.ActiveUsers.Months;
using Etransactions.Functions.Platforms.Registry;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.ActiveUsers.Files;

/// <summary>
/// Counts an uploaded activity file and writes its receipt. The file is never changed or deleted. Its parts are
/// batches named by the file and the part, so a delivery again (a retry, a restart) counts nothing twice; a new
/// version under a name already counted is refused: corrections come under a new name.
/// </summary>
public sealed partial class ActivityFileImport(
    BlobServiceClient blobs, PlatformStore platforms, ActivityFileReceipts receipts, ActivityIntake intake, ActivityMonths months,
    ILogger<ActivityFileImport> logger)
{
    public async Task<ActivityFileReceipt?> ImportAsync(string blobName, CancellationToken cancellation)
    {
        if (ActivityFileName.Parse(blobName) is not { } file)
        {
            LogNotAFile(blobName);
            return null;
        }
        if (await platforms.GetAsync(file.PlatformId, cancellation) is null)
        {
            LogUnknownPlatform(blobName);
            return null;
        }
        var blob = blobs.GetBlobContainerClient(ActivityFileName.Container).GetBlobClient(file.Blob);
        BlobProperties properties;
        try
        {
            properties = await blob.GetPropertiesAsync(cancellationToken: cancellation);
        }
        catch (RequestFailedException gone) when (gone.Status == 404)
        {
            LogGone(blobName);
            return null;
        }
        var window = months.Window;
        var etag = properties.ETag.ToString();
        var earlier = await receipts.GetAsync(file.PlatformId, file.Id, cancellation);
        if (earlier is { Status: ActivityFileReceipt.Counted } && earlier.ETag == etag)
        {
            return earlier; // delivered again
        }
        if (earlier is { Status: ActivityFileReceipt.Counted or ActivityFileReceipt.Counting } && earlier.ETag != etag)
        {
            // The name stands for what was counted under it: the refusal is a receipt of its own, and the
            // counted one stays as it was (a refused version delivered again is refused again).
            var refusal = new ActivityFileReceipt(file.PlatformId, $"{file.Id}-{VersionId(etag)}", file.Name, file.Day, etag, properties.ContentLength,
                ActivityFileReceipt.Refused, 0, 0, 0, [], $"A file named {file.Name} for {file.Day} was counted before: send a correction under a new name.",
                window.Now, null);
            await receipts.SaveAsync(refusal, cancellation);
            LogRefused(blobName, refusal.Reason!);
            return refusal;
        }
        // A first delivery, one cut short, or a new version of a file refused before (not gzip): counted now.
        var receipt = new ActivityFileReceipt(file.PlatformId, file.Id, file.Name, file.Day, etag, properties.ContentLength, ActivityFileReceipt.Counting,
            0, 0, 0, [], null, earlier is { } cut && cut.ETag == etag ? cut.ReceivedAt : window.Now, null);
        await receipts.SaveAsync(receipt, cancellation);

        var reader = new ActivityFileReader(window);
        var part = 0;
        try
        {
            await using var content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellation);
            await reader.ReadAsync(content, buckets => intake.CountAsync(file.PlatformId, $"{file.Id}p{part++:D4}", buckets, window.Now, cancellation), cancellation);
        }
        catch (InvalidDataException notGzip)
        {
            receipt = receipt with { Status = ActivityFileReceipt.Refused, Reason = $"Not a gzip file of events, one JSON object a line: {notGzip.Message}" };
            await receipts.SaveAsync(receipt, cancellation);
            LogRefused(blobName, receipt.Reason);
            return receipt;
        }
        receipt = receipt with
        {
            Status = ActivityFileReceipt.Counted,
            Lines = reader.Lines,
            Accepted = reader.Accepted,
            Rejected = reader.Rejected,
            Errors = reader.Errors,
            CountedAt = months.Window.Now,
        };
        await receipts.SaveAsync(receipt, cancellation);
        LogCounted(blobName, reader.Lines, reader.Accepted, reader.Rejected, part);
        return receipt;
    }

    private static string VersionId(string etag) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(etag)))[..16];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity blob {Blob} is not {{platformId}}/{{yyyy-MM-dd}}/{{name}}.ndjson.gz: left as it is")]
    private partial void LogNotAFile(string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity file {Blob} names no registered platform: left as it is")]
    private partial void LogUnknownPlatform(string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity file {Blob} is gone")]
    private partial void LogGone(string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity file {Blob} refused: {Reason}")]
    private partial void LogRefused(string blob, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity file {Blob} counted: {Lines} lines, {Accepted} events taken, {Rejected} rejected, in {Parts} part(s)")]
    private partial void LogCounted(string blob, long lines, long accepted, long rejected, int parts);
}
