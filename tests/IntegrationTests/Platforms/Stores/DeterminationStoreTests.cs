using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.IntegrationTests.Support;

namespace Etransactions.IntegrationTests.Platforms.Stores;

/// <summary>Determinations on Azurite: opened once, timelines in order and written once, one review per version.</summary>
public sealed class DeterminationStoreTests(SharedAzurite azurite)
{
    private static readonly DateTimeOffset Start = new(2025, 12, 31, 17, 5, 0, TimeSpan.Zero);

    private readonly DeterminationStore _store = new(new AppTables(new TableServiceClient(azurite.ConnectionString)));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_creates_the_record_once_and_then_reads_what_is_stored()
    {
        var platformId = Guid.NewGuid().ToString();
        var (opened, created) = await _store.OpenAsync(Record(platformId, "run-1"), Cancellation);
        var (again, createdAgain) = await _store.OpenAsync(Record(platformId, "run-2"), Cancellation);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("run-1", again.RunId);
        Assert.Equal(opened, again);
    }

    [Fact]
    public async Task A_saved_record_is_read_back_whole_and_listed_by_cycle()
    {
        var platformId = Guid.NewGuid().ToString();
        var population = new PopulationFigure(2024, 1, 101_300_000, "GSO", new DateOnly(2025, 1, 6), new DateTimeOffset(2025, 1, 7, 2, 0, 0, TimeSpan.Zero));
        var classification = Classifier.Classify(
            [.. Enumerable.Range(1, 12).Select(month => new MonthlyUsers($"2025-{month:D2}", 4_000_000))], population, true);
        var review = new ReviewRecord("review-1", 1, ReviewDecision.Accept, "Số liệu đầy đủ", Start.AddDays(6));
        var record = Record(platformId, "run-1") with
        {
            Status = DeterminationStatus.Determined,
            ProcessedVersion = 1,
            SubmissionVersion = 1,
            Late = false,
            Classification = classification,
            AcceptedVersion = 1,
            LastReview = review,
        };

        await _store.SaveAsync(record, Cancellation);
        await _store.SaveAsync(Record(platformId, "run-1") with { Cycle = 2025, InstanceId = Determinations.SelfDeterminationInstanceId(platformId, 2025) }, Cancellation);

        Assert.Equal(record, await _store.GetAsync(platformId, 2026, Cancellation));
        Assert.Contains(record, await _store.ListAsync(2026, Cancellation));
        Assert.DoesNotContain(await _store.ListAsync(2026, Cancellation), listed => listed.Cycle != 2026);
        Assert.Equal(2, (await _store.ListAsync(null, Cancellation)).Count(listed => listed.PlatformId == platformId));
        Assert.Null(await _store.GetAsync(platformId, 2027, Cancellation));
    }

    [Fact]
    public async Task The_timeline_is_in_order_of_time_and_a_repeated_entry_is_written_once()
    {
        var platformId = Guid.NewGuid().ToString();
        var received = new TimelineEntry("c-received", Start.AddDays(4), TimelineType.StatisticsReceived, DeterminationStatus.AwaitingStatistics, new JsonObject { ["version"] = 1 });
        var reported = new TimelineEntry("d-reported", Start.AddDays(4), TimelineType.Reported, DeterminationStatus.Reported);
        var started = new TimelineEntry("b-started", Start, TimelineType.Started, DeterminationStatus.AwaitingStatistics);

        await _store.AddTimelineAsync(platformId, 2026, received, Cancellation);
        await _store.AddTimelineAsync(platformId, 2026, reported, Cancellation);
        await _store.AddTimelineAsync(platformId, 2026, started, Cancellation);
        await _store.AddTimelineAsync(platformId, 2026, received with { Status = DeterminationStatus.Overdue }, Cancellation);

        var timeline = await _store.TimelineAsync(platformId, 2026, Cancellation);

        // By time, whatever the order written; the same instant in the order written.
        Assert.Equal(["b-started", "c-received", "d-reported"], timeline.Select(entry => entry.Id));
        Assert.Equal(DeterminationStatus.AwaitingStatistics, timeline[1].Status);
        Assert.Equal(1, timeline[1].Details!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_first_review_of_a_version_wins_and_a_later_one_learns_what_was_kept()
    {
        var platformId = Guid.NewGuid().ToString();
        var accept = new ReviewRecord("r1", 2, ReviewDecision.Accept, "Đủ", Start.AddDays(7));
        var contradiction = new ReviewRecord("r2", 2, ReviewDecision.Return, "Thiếu", Start.AddDays(8));

        var (first, created) = await _store.RecordReviewAsync(platformId, 2026, accept, Cancellation);
        var (kept, createdAgain) = await _store.RecordReviewAsync(platformId, 2026, contradiction, Cancellation);
        await _store.RecordReviewAsync(platformId, 2026, accept with { ReviewId = "r0", Version = 1 }, Cancellation);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(accept, first);
        Assert.Equal(accept, kept);
        Assert.Equal([1, 2], (await _store.ReviewsAsync(platformId, 2026, Cancellation)).Select(review => review.Version));
    }

    private static DeterminationRecord Record(string platformId, string runId) => new()
    {
        PlatformId = platformId,
        Cycle = 2026,
        InstanceId = Determinations.SelfDeterminationInstanceId(platformId, 2026),
        Status = DeterminationStatus.AwaitingStatistics,
        Deadline = Cycles.DeadlineFor(2026),
        StartedAt = Start,
        StartedBy = StartedBy.Timer,
        RunId = runId,
        UpdatedAt = Start,
    };
}
