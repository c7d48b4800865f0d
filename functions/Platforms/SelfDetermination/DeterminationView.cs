using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Platforms.Statistics;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// What <c>GET …/determinations/{cycle}</c> shows: the status, the classification with the population figure it
/// used, the deadline, the timeline, the reviews and the full statistics history. Before the orchestration has
/// picked up a stored submission the status reads <c>received</c>.
/// </summary>
public static class DeterminationView
{
    public static JsonObject Of(
        PlatformRecord platform, int cycle, DeterminationRecord? record, IReadOnlyList<TimelineEntry> timeline,
        IReadOnlyList<StoredSubmission> history, IReadOnlyList<ReviewRecord> reviews, MeasuredComparison? measured = null)
    {
        var deadline = Cycles.DeadlineFor(cycle);
        var current = record?.SubmissionVersion is { } version ? history.FirstOrDefault(s => s.Version == version) : null;
        var classification = record?.Classification ?? current?.Classification;
        return new JsonObject
        {
            ["platformId"] = platform.Id,
            ["platformName"] = platform.Name,
            ["cycle"] = cycle,
            ["instanceId"] = record?.InstanceId,
            ["status"] = record is null ? "received" : EnumColumn.Of(record.Status),
            ["deadline"] = IsoTime.Format(deadline),
            ["deadlineVietnam"] = VietnamTime.Format(deadline),
            ["submissionVersion"] = record?.SubmissionVersion,
            ["late"] = record?.Late,
            ["scale"] = classification is null ? null : EnumColumn.Of(classification.Scale),
            ["classification"] = Node(classification),
            ["population"] = Node(classification?.Population),
            ["acceptedVersion"] = record?.AcceptedVersion,
            ["lastReview"] = record?.LastReview is { } last ? Node(ReviewJson.Of(last)) : null,
            ["updatedAt"] = record is null ? null : IsoTime.Format(record.UpdatedAt),
            ["timeline"] = new JsonArray([.. timeline.Select(Entry)]),
            ["reviews"] = new JsonArray([.. reviews.Select(review => Node(ReviewJson.Of(review)))]),
            ["statistics"] = new JsonArray([.. history.Select(Submission)]),
            ["measured"] = Node(measured),
        };
    }

    private static JsonObject Entry(TimelineEntry entry)
    {
        var json = new JsonObject
        {
            ["id"] = entry.Id,
            ["at"] = IsoTime.Format(entry.At),
            ["type"] = EnumColumn.Of(entry.Type),
            ["status"] = EnumColumn.Of(entry.Status),
        };
        if (entry.Details is { } details)
        {
            json["details"] = details.DeepClone();
        }
        json["atVietnam"] = VietnamTime.Format(entry.At);
        return json;
    }

    private static JsonNode Submission(StoredSubmission submission)
    {
        var json = Node(submission)!.AsObject();
        json["submittedAtVietnam"] = VietnamTime.Format(submission.SubmittedAt);
        return json;
    }

    private static JsonNode? Node<T>(T value) => value is null ? null : JsonSerializer.SerializeToNode(value, AppJson.Options);
}
