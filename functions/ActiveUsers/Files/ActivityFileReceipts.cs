using System.Text.Json;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.ActiveUsers.Files;

/// <summary>What became of an uploaded activity file: counted (with its bad lines) or refused, and why.</summary>
public sealed record ActivityFileReceipt(
    string PlatformId, string FileId, string Name, string Day, string ETag, long Bytes, string Status, long Lines, long Accepted, long Rejected,
    IReadOnlyList<LineError> Errors, string? Reason, DateTimeOffset ReceivedAt, DateTimeOffset? CountedAt)
{
    public const string Counting = "counting";
    public const string Counted = "counted";
    public const string Refused = "refused";
}

/// <summary>The table <c>activityfiles</c>: one receipt per platform and file name.</summary>
public sealed class ActivityFileReceipts(AppTables tables)
{
    public const string Table = "activityfiles";

    private AppTable Receipts => tables[Table];

    public async Task<ActivityFileReceipt?> GetAsync(string platformId, string fileId, CancellationToken cancellation) =>
        await Receipts.GetAsync(platformId, fileId, cancellation) is { } row ? Read(row) : null;

    public Task SaveAsync(ActivityFileReceipt receipt, CancellationToken cancellation) => Receipts.UpsertAsync(TableRow.Of(receipt.PlatformId, receipt.FileId, [
        new("Name", receipt.Name), new("Day", receipt.Day), new("FileETag", receipt.ETag), new("Bytes", receipt.Bytes), new("Status", receipt.Status),
        new("Lines", receipt.Lines), new("Accepted", receipt.Accepted), new("Rejected", receipt.Rejected),
        // At most 100 lines of about 200 characters: well under a column's 64 KiB.
        new("Errors", JsonSerializer.Serialize(receipt.Errors, AppJson.Options)), new("Reason", receipt.Reason),
        new("ReceivedAt", receipt.ReceivedAt), new("CountedAt", receipt.CountedAt)]), cancellation);

    /// <summary>A platform's receipts, newest first.</summary>
    public async Task<IReadOnlyList<ActivityFileReceipt>> ListAsync(string platformId, CancellationToken cancellation)
    {
        var receipts = new List<ActivityFileReceipt>();
        await foreach (var row in Receipts.ListPartitionAsync(platformId, cancellation))
        {
            receipts.Add(Read(row));
        }
        return [.. receipts.OrderByDescending(receipt => receipt.ReceivedAt)];
    }

    private static ActivityFileReceipt Read(TableEntity row) => new(
        row.PartitionKey, row.RowKey, row.GetString("Name"), row.GetString("Day"), row.GetString("FileETag"), row.GetInt64("Bytes") ?? 0,
        row.GetString("Status"), row.GetInt64("Lines") ?? 0, row.GetInt64("Accepted") ?? 0, row.GetInt64("Rejected") ?? 0,
        JsonSerializer.Deserialize<List<LineError>>(row.GetString("Errors") ?? "[]", AppJson.Options) ?? [], row.GetString("Reason"),
        row.GetDateTimeOffset("ReceivedAt") ?? default, row.GetDateTimeOffset("CountedAt"));
}
