using Etransactions.Functions.ActiveUsers.Counting;
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
    public async Task<bool> CountAsync(string platformId, string batchId, IReadOnlyList<ActivityEvent> events, DateTimeOffset now, CancellationToken cancellation)
    {
        var days = new Dictionary<(string Day, Region Region), List<ulong>>();
        foreach (var activity in events)
        {
            var key = (ActivityWindow.DayOf(activity.At), activity.InVietnam ? Region.InVietnam : Region.Abroad);
            if (!days.TryGetValue(key, out var users))
            {
                users = [];
                days[key] = users;
            }
            users.Add(activity.User);
        }
        // The chunks first: a batch row never stands for keys that are not stored.
        foreach (var ((day, region), users) in days)
        {
            var keys = users.ToArray();
            var distinct = KeySet.SortDistinct(keys);
            await sets.WriteChunkAsync(new ActivitySetName(platformId, day, region, batchId), keys.AsMemory(0, distinct), cancellation);
        }
        var first = true;
        foreach (var month in events.GroupBy(activity => ActivityWindow.MonthOf(activity.At)))
        {
            first &= await store.RecordBatchAsync(platformId, month.Key, batchId, month.LongCount(), month.LongCount(activity => activity.InVietnam), now, cancellation);
        }
        return first;
    }
}
