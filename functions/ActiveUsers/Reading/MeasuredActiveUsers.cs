using Etransactions.Functions.ActiveUsers.Storage;
using Etransactions.Functions.Platforms.SelfDetermination;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.ActiveUsers.Reading;

/// <summary>The finalized measured figures, for the self-determination to show beside the platform's own.</summary>
public sealed class MeasuredActiveUsers(ActiveUsersStore store, IOptions<ActiveUsersOptions> options) : IMeasuredActiveUsers
{
    public double ThresholdPercent => options.Value.DifferencePercent;

    public async Task<IReadOnlyDictionary<string, long>> FinalizedAsync(string platformId, string fromMonth, string toMonth, CancellationToken cancellation) =>
        (await store.FinalizedAsync(platformId, fromMonth, toMonth, cancellation)).ToDictionary(figure => figure.Month, figure => figure.Users, StringComparer.Ordinal);
}
