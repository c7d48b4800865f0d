using Etransactions.Functions.ActiveUsers.Storage;

namespace Etransactions.Functions.ActiveUsers.Intake;

/// <summary>
/// Counts a batch of accepted events: for each day and region, one chunk of the batch's sorted distinct
/// user keys; for each month, one row with its events. Everything is named by the batch, so a batch
/// delivered again (a retried request, a re-run trigger) rewrites the same chunks and counts its events once.
/// </summary>
public sealed class ActivityIntake(ActivitySets sets, ActiveUsersStore store)
{
    /// <returns>False when the batch had been counted before (a replay).</returns>
    public Task<bool> CountAsync(string platformId, string batchId, IReadOnlyList<ActivityEvent> events, DateTimeOffset now, CancellationToken cancellation)
    {
        var buckets = new ActivityBuckets();
        foreach (var activity in events)
        {
            buckets.Add(activity);
        }
        return CountAsync(platformId, batchId, buckets, now, cancellation);
    }

    /// <returns>False when the batch had been counted before (a replay).</returns>
    public async Task<bool> CountAsync(string platformId, string batchId, ActivityBuckets buckets, DateTimeOffset now, CancellationToken cancellation)
    {
        // The chunks first: a batch row never stands for keys that are not stored.
        foreach (var (day, region, keys) in buckets.Days())
        {
            await sets.WriteChunkAsync(new ActivitySetName(platformId, day, region, batchId), keys, cancellation);
        }
        var first = true;
        foreach (var (month, events, inVietnam) in buckets.Months())
        {
            first &= await store.RecordBatchAsync(platformId, month, batchId, events, inVietnam, now, cancellation);
        }
        return first;
    }
}
