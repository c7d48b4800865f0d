using Etransactions.Functions.ActiveUsers.Months;
using Etransactions.Functions.ActiveUsers.Storage;
using Etransactions.Functions.Core;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Population;
using Etransactions.Functions.Platforms.Registry;

namespace Etransactions.Functions.ActiveUsers.Reading;

/// <summary>
/// What <c>GET /api/platforms/{id}/active-users</c> shows: each month of the range with its figures (final,
/// or counted as it stands), and the last twelve finalized months averaged and classified against the
/// population figure in force (Art. 17.2–17.4), once all twelve are measured.
/// </summary>
public sealed class ActiveUsersReport(ActiveUsersStore store, ActivitySets sets, ActivityMonths months, PopulationStore population, TimeProvider clock)
{
    public async Task<object> ReadAsync(PlatformRecord platform, MonthRange range, CancellationToken cancellation)
    {
        var finalized = (await store.FinalizedAsync(platform.Id, range.From, range.To, cancellation)).ToDictionary(figure => figure.Month, StringComparer.Ordinal);
        var counting = (await sets.ListAsync(platform.Id, null, cancellation)).Select(group => group.Month).ToHashSet(StringComparer.Ordinal);
        var figures = new List<MonthFigure>();
        foreach (var month in range.Months())
        {
            if (finalized.TryGetValue(month, out var final))
            {
                figures.Add(final);
            }
            else if (counting.Contains(month))
            {
                figures.Add(await months.CountAsync(platform.Id, month, cancellation));
            }
        }
        return new
        {
            platformId = platform.Id,
            from = range.From,
            to = range.To,
            months = figures.Select(Month),
            lastTwelveMonths = await TwelveMonthsAsync(platform, finalized.Values.Select(f => f.Month).DefaultIfEmpty().Max(StringComparer.Ordinal), cancellation),
        };
    }

    private async Task<object?> TwelveMonthsAsync(PlatformRecord platform, string? lastFinal, CancellationToken cancellation)
    {
        if (lastFinal is null)
        {
            return null;
        }
        var twelve = MonthRange.TwelveEndingAt(lastFinal);
        var measured = await store.FinalizedAsync(platform.Id, twelve.From, twelve.To, cancellation);
        var figure = measured.Count == 12 ? await population.MostRecentAsync(clock.GetUtcNow(), cancellation) : null;
        return new
        {
            firstMonth = twelve.From,
            lastMonth = twelve.To,
            monthsMeasured = measured.Count,
            // The average and scale of Art. 17.4 need all twelve months, and a population figure in force.
            classification = figure is null ? null : Classifier.Classify([.. measured.Select(m => new MonthlyUsers(m.Month, m.Users))], figure, platform.Intermediary),
        };
    }

    private static object Month(MonthFigure figure) => new
    {
        month = figure.Month,
        activeUsers = figure.Users,
        activeUsersAbroad = figure.UsersAbroad,
        events = figure.Events,
        final = figure.Final,
        finalizedAt = figure.FinalizedAt is { } at ? IsoTime.Format(at) : null,
    };
}
