using Etransactions.Functions.Operations;
using Microsoft.DurableTask.Client;

namespace Etransactions.UnitTests.Operations;

/// <summary>
/// The purge rule: histories of orchestrations that ended more than the retention period ago go, the rest
/// stays, although the durable client can purge in bulk only by creation time.
/// </summary>
public class PurgePlanTests
{
    internal static readonly DateTimeOffset Now = new(2025, 6, 30, 19, 30, 0, TimeSpan.Zero);

    [Fact]
    public void For_EverythingBeforeTheCutoffEndedInTime_PurgesItAllInBulk()
    {
        var plan = PurgePlan.For(Now, 90, [Instance("a", OrchestrationRuntimeStatus.Completed, 200, 199), Instance("b", OrchestrationRuntimeStatus.Failed, 100, 95)]);

        Assert.Equal(DateTimeOffset.Parse("2025-04-01T19:30:00Z", System.Globalization.CultureInfo.InvariantCulture), plan.Cutoff);
        Assert.Equal(plan.Cutoff, plan.BulkCreatedTo);
        Assert.Empty(plan.OneByOne);
    }

    [Fact]
    public void For_OldInstanceRunningOrEndedRecently_StopsTheBulkBeforeItAndPurgesLaterOnesById()
    {
        var plan = PurgePlan.For(Now, 90,
        [
            Instance("old", OrchestrationRuntimeStatus.Completed, 300, 299),
            Instance("longRunner", OrchestrationRuntimeStatus.Terminated, 200, 10),
            Instance("running", OrchestrationRuntimeStatus.Running, 250, 1),
            Instance("between", OrchestrationRuntimeStatus.Completed, 150, 149),
            Instance("suspended", OrchestrationRuntimeStatus.Suspended, 120, 100),
        ]);

        Assert.Equal(DaysAgo(250).AddMilliseconds(-1), plan.BulkCreatedTo);
        Assert.Equal(["between"], plan.OneByOne);
    }

    [Fact]
    public void For_EndedExactlyAtTheCutoff_IsPurged_EndedASecondLater_IsKept()
    {
        var atCutoff = new InstanceSummary("edge", OrchestrationRuntimeStatus.Completed, DaysAgo(95), DaysAgo(90));
        var later = new InstanceSummary("later", OrchestrationRuntimeStatus.Completed, DaysAgo(94), DaysAgo(90).AddSeconds(1));

        var plan = PurgePlan.For(Now, 90, [atCutoff, later]);

        Assert.True(plan.BulkCreatedTo < DaysAgo(94));
        Assert.True(plan.BulkCreatedTo >= DaysAgo(95));
        Assert.Empty(plan.OneByOne);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public void For_UnfinishedInstance_IsNeverPurgedHoweverOld(OrchestrationRuntimeStatus status)
    {
        var plan = PurgePlan.For(Now, 90, [Instance("open", status, 400, 399), Instance("done", OrchestrationRuntimeStatus.Completed, 300, 299)]);

        Assert.True(plan.BulkCreatedTo < DaysAgo(400));
        Assert.Equal(["done"], plan.OneByOne);
    }

    [Fact]
    public void For_NothingBeforeTheCutoff_BulkUpToTheCutoff()
    {
        var plan = PurgePlan.For(Now, 1, []);

        Assert.Equal(Now.AddDays(-1), plan.BulkCreatedTo);
        Assert.Empty(plan.OneByOne);
    }

    /// <summary>Durable times come to the second, as the first version's tests wrote them.</summary>
    internal static DateTimeOffset DaysAgo(int days)
    {
        var instant = Now.AddDays(-days);
        return instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
    }

    internal static InstanceSummary Instance(string id, OrchestrationRuntimeStatus status, int createdDaysAgo, int endedDaysAgo) =>
        new(id, status, DaysAgo(createdDaysAgo), DaysAgo(endedDaysAgo));
}
