using Etransactions.Functions.Operations;
using Etransactions.UnitTests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Etransactions.UnitTests.Operations.PurgePlanTests;

namespace Etransactions.UnitTests.Operations;

public class OrchestrationHistoryPurgerTests
{
    private readonly OrchestrationHistoryPurger _purger = new(
        new FakeTimeProvider(Now), Options.Create(new OperationsOptions { HistoryRetentionDays = 90 }), NullLogger<OrchestrationHistoryPurger>.Instance);

    [Fact]
    public async Task PurgeAsync_AsksForEveryInstanceCreatedBeforeTheCutoff()
    {
        var client = new FakeDurableTaskClient([]);

        await _purger.PurgeAsync(client, CancellationToken.None);

        var query = Assert.Single(client.Queries);
        Assert.Equal(DateTimeOffset.UnixEpoch, query.CreatedFrom);
        Assert.Equal(Now.AddDays(-90), query.CreatedTo);
        Assert.Null(query.Statuses);
        Assert.False(query.FetchInputsAndOutputs);
    }

    [Fact]
    public async Task PurgeAsync_BlockerOnTheLastPage_StopsTheBulkBeforeIt()
    {
        // Page size 2: the running instance comes on the third page, after those that ended long ago.
        var client = new FakeDurableTaskClient(
        [
            Metadata("a", OrchestrationRuntimeStatus.Completed, 300, 299),
            Metadata("b", OrchestrationRuntimeStatus.Failed, 280, 279),
            Metadata("c", OrchestrationRuntimeStatus.Completed, 200, 199),
            Metadata("d", OrchestrationRuntimeStatus.Terminated, 150, 149),
            Metadata("running", OrchestrationRuntimeStatus.Running, 250, 1),
        ]) { BulkPurgedCount = 2 };

        var report = await _purger.PurgeAsync(client, CancellationToken.None);

        var bulk = Assert.Single(client.BulkPurges);
        Assert.Equal(DateTimeOffset.UnixEpoch, bulk.CreatedFrom);
        Assert.Equal(DaysAgo(250).AddMilliseconds(-1), bulk.CreatedTo);
        Assert.Equal([OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated], bulk.Statuses);
        Assert.Equal(["c", "d"], client.SinglePurges);
        Assert.Equal(Now.AddDays(-90), report.Cutoff);
        Assert.Equal(4, report.Purged); // two in bulk, two by id
        Assert.Empty(report.FailedInstanceIds);
    }

    [Fact]
    public async Task PurgeAsync_OneInstanceRefused_TheOthersAreStillPurged()
    {
        var client = new FakeDurableTaskClient(
        [
            Metadata("running", OrchestrationRuntimeStatus.Running, 250, 1),
            Metadata("c", OrchestrationRuntimeStatus.Completed, 200, 199),
            Metadata("d", OrchestrationRuntimeStatus.Completed, 150, 149),
            Metadata("e", OrchestrationRuntimeStatus.Failed, 120, 119),
        ]);
        client.Refused.Add("d");

        var report = await _purger.PurgeAsync(client, CancellationToken.None);

        Assert.Equal(["c", "d", "e"], client.SinglePurges);
        Assert.Equal(["d"], report.FailedInstanceIds);
        Assert.Equal(2, report.Purged);
    }

    private static OrchestrationMetadata Metadata(string id, OrchestrationRuntimeStatus status, int createdDaysAgo, int endedDaysAgo) =>
        new("work", id) { RuntimeStatus = status, CreatedAt = DaysAgo(createdDaysAgo), LastUpdatedAt = DaysAgo(endedDaysAgo) };
}
