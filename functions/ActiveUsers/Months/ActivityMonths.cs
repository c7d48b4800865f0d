using Azure;
using Etransactions.Functions.ActiveUsers.Intake;
using Etransactions.Functions.ActiveUsers.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.ActiveUsers.Months;

/// <summary>
/// The months of the counting: compacting days, counting a month as it stands, and finalizing the months
/// that have closed, after which only their counts are kept.
/// </summary>
public sealed partial class ActivityMonths(
    ActivitySets sets, ActiveUsersStore store, IOptions<ActiveUsersOptions> options, TimeProvider clock, ILogger<ActivityMonths> logger)
{
    public ActivityWindow Window => new(clock.GetUtcNow(), options.Value.GraceDays);

    /// <summary>Merges every day's chunks into its day-set; a day another compaction holds is left for the next run.</summary>
    public async Task<int> CompactAsync(CancellationToken cancellation)
    {
        var compacted = 0;
        foreach (var group in await sets.ListAsync(null, null, cancellation))
        {
            if (group.Chunks.Count == 0)
            {
                continue;
            }
            try
            {
                var users = await sets.CompactAsync(group, cancellation);
                LogCompacted(group.PlatformId, group.Day, group.Region, group.Chunks.Count, users);
                compacted++;
            }
            catch (RequestFailedException changed) when (changed.Status is 404 or 409 or 412)
            {
                LogCompactionRace(group.PlatformId, group.Day, group.Region);
            }
        }
        return compacted;
    }

    /// <summary>A month's figures as they stand, exact, from its day-sets and chunks and its batches' events.</summary>
    public Task<MonthFigure> CountAsync(string platformId, string month, CancellationToken cancellation) =>
        WhileSetsChangeAsync(async () => await CountAsync(platformId, month, await sets.ListAsync(platformId, month, cancellation), cancellation));

    /// <summary>Finalizes every month that has closed and is not finalized yet (a missed run catches up), and clears what finalized months left.</summary>
    public async Task<IReadOnlyList<MonthFigure>> FinalizeDueAsync(CancellationToken cancellation)
    {
        var window = Window;
        var finalized = new List<MonthFigure>();
        var months = (await sets.ListAsync(null, null, cancellation)).Select(group => (group.PlatformId, group.Month)).Distinct();
        foreach (var (platformId, month) in months.Where(month => window.IsClosed(month.Month)).OrderBy(month => month.Month, StringComparer.Ordinal))
        {
            if (await WhileSetsChangeAsync(() => FinalizeAsync(platformId, month, window.Now, cancellation)) is { } figure)
            {
                finalized.Add(figure);
            }
        }
        return finalized;
    }

    /// <summary>Finalizes a closed month unless that was done, then deletes its batches' rows and its users' keys; the figure when this run made it.</summary>
    private async Task<MonthFigure?> FinalizeAsync(string platformId, string month, DateTimeOffset now, CancellationToken cancellation)
    {
        MonthFigure? made = null;
        if (await store.FinalizedAsync(platformId, month, cancellation) is null)
        {
            var counted = await CountAsync(platformId, month, await sets.ListAsync(platformId, month, cancellation), cancellation);
            made = await store.FinalizeAsync(counted with { FinalizedAt = now }, cancellation);
            LogFinalized(platformId, month, made.Users, made.UsersAbroad, made.Events);
        }
        await store.DeleteBatchesAsync(platformId, month, cancellation);
        await sets.DeleteMonthAsync(platformId, month, cancellation);
        return made;
    }

    /// <summary>
    /// Runs what reads a month's sets again when one of them went while it read (a compaction or a finalizing
    /// beside it deleted a chunk): listed anew, the sets hold the same users.
    /// </summary>
    private async Task<T> WhileSetsChangeAsync<T>(Func<Task<T>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (RequestFailedException gone) when (gone.Status is 404 or 412 && attempt < 5)
            {
                LogSetsChanged(attempt);
            }
        }
    }

    private async Task<MonthFigure> CountAsync(string platformId, string month, IReadOnlyList<ActivityDayGroup> groups, CancellationToken cancellation) => new(
        platformId,
        month,
        await sets.CountAsync(groups, Region.InVietnam, cancellation),
        await sets.CountAsync(groups, Region.Abroad, cancellation),
        await store.EventsAsync(platformId, month, cancellation),
        null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity of {PlatformId} on {Day} ({Region}): {Chunks} chunk(s) compacted, {Users} distinct users")]
    private partial void LogCompacted(string platformId, string day, Region region, int chunks, long users);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity of {PlatformId} on {Day} ({Region}) changed during its compaction; left for the next run")]
    private partial void LogCompactionRace(string platformId, string day, Region region);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity sets changed while read (attempt {Attempt}); reading them again")]
    private partial void LogSetsChanged(int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Active users of {PlatformId} in {Month} finalized: {Users} in Vietnam, {UsersAbroad} outside, {Events} events")]
    private partial void LogFinalized(string platformId, string month, long users, long usersAbroad, long events);
}
