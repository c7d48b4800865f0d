using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// The platform's own monthly figures beside those measured from its activity events (Art. 18.4.c), for
/// the months measured: the difference of their sums, flagged over the threshold.
/// </summary>
/// <param name="DifferencePercent">(reported − measured) ÷ measured × 100 over the months measured, to 2 decimals.</param>
public sealed record MeasuredComparison(
    IReadOnlyList<MeasuredMonth> Months, int MonthsMeasured, long ReportedTotal, long MeasuredTotal, double? DifferencePercent, double ThresholdPercent, bool Flagged)
{
    public static MeasuredComparison? Of(IReadOnlyList<MonthlyUsers> reported, IReadOnlyDictionary<string, long> measured, double thresholdPercent)
    {
        var months = reported.Select(month => new MeasuredMonth(month.Month, (long)month.ActiveUsers, measured.TryGetValue(month.Month, out var users) ? users : null)).ToList();
        var both = months.Where(month => month.Measured is not null).ToList();
        if (both.Count == 0)
        {
            return null;
        }
        var (reportedTotal, measuredTotal) = (both.Sum(month => month.Reported), both.Sum(month => month.Measured!.Value));
        double? difference = measuredTotal == 0 ? null : Math.Round((reportedTotal - measuredTotal) * 100.0 / measuredTotal, 2, MidpointRounding.AwayFromZero);
        return new MeasuredComparison(months, both.Count, reportedTotal, measuredTotal, difference, thresholdPercent,
            Flagged: difference is null ? reportedTotal > 0 : Math.Abs(difference.Value) > thresholdPercent);
    }
}

/// <summary>One month: the platform's figure, and the measured one when that month is finalized.</summary>
public sealed record MeasuredMonth(string Month, long Reported, long? Measured);

/// <summary>The measured monthly active users of a platform, finalized months only (<c>yyyy-MM</c> to users in Vietnam).</summary>
public interface IMeasuredActiveUsers
{
    /// <summary>How far the platform's figures may differ from the measured ones before they are flagged, in percent.</summary>
    double ThresholdPercent { get; }

    Task<IReadOnlyDictionary<string, long>> FinalizedAsync(string platformId, string fromMonth, string toMonth, CancellationToken cancellation);
}

/// <summary>No measurement: what the platforms see when active users are not counted by this app.</summary>
internal sealed class NoMeasuredActiveUsers : IMeasuredActiveUsers
{
    public double ThresholdPercent => 0;

    public Task<IReadOnlyDictionary<string, long>> FinalizedAsync(string platformId, string fromMonth, string toMonth, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>());
}
