using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Statistics;

namespace Etransactions.Functions.Platforms.Determinations;

/// <summary>Determination records, timeline entries and reviews as table rows, one typed column per field.</summary>
internal static class DeterminationRows
{
    public static TableEntity FromRecord(DeterminationRecord record)
    {
        var columns = new Dictionary<string, object?>
        {
            ["PlatformId"] = record.PlatformId,
            ["Cycle"] = record.Cycle,
            ["InstanceId"] = record.InstanceId,
            ["Status"] = EnumColumn.Of(record.Status),
            ["Deadline"] = record.Deadline,
            ["StartedAt"] = record.StartedAt,
            ["StartedBy"] = EnumColumn.Of(record.StartedBy),
            ["RunId"] = record.RunId,
            ["UpdatedAt"] = record.UpdatedAt,
            ["ProcessedVersion"] = record.ProcessedVersion,
            ["SubmissionVersion"] = record.SubmissionVersion,
            ["Late"] = record.Late,
            ["ReportedVersion"] = record.ReportedVersion,
            ["AcceptedVersion"] = record.AcceptedVersion,
            ["ReminderSentDaysBefore"] = record.ReminderSentDaysBefore,
        };
        var review = record.LastReview is { } last ? ReviewColumns(last, "LastReview") : [];
        return TableRow.Of(
            record.PlatformId, record.Cycle.ToString(CultureInfo.InvariantCulture),
            columns.Concat(ClassificationColumns.Of(record.Classification)).Concat(review));
    }

    public static DeterminationRecord ToRecord(TableEntity row) => new()
    {
        PlatformId = row.GetString("PlatformId"),
        Cycle = row.GetInt32("Cycle") ?? 0,
        InstanceId = row.GetString("InstanceId"),
        Status = EnumColumn.Parse<DeterminationStatus>(row.GetString("Status")),
        Deadline = row.GetDateTimeOffset("Deadline") ?? default,
        StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
        StartedBy = EnumColumn.Parse<StartedBy>(row.GetString("StartedBy")),
        RunId = row.GetString("RunId"),
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
        ProcessedVersion = row.GetInt32("ProcessedVersion") ?? 0,
        SubmissionVersion = row.GetInt32("SubmissionVersion"),
        Late = row.GetBoolean("Late"),
        Classification = ClassificationColumns.Read(row),
        ReportedVersion = row.GetInt32("ReportedVersion"),
        AcceptedVersion = row.GetInt32("AcceptedVersion"),
        LastReview = row.GetString("LastReviewId") is null ? null : ToReview(row, "LastReview"),
        ReminderSentDaysBefore = row.GetInt32("ReminderSentDaysBefore"),
    };

    public static TableEntity FromTimeline(string partition, TimelineEntry entry) => TableRow.Of(partition, entry.Id, new Dictionary<string, object?>
    {
        ["At"] = entry.At,
        ["Type"] = EnumColumn.Of(entry.Type),
        ["Status"] = EnumColumn.Of(entry.Status),
        // Details differ by event (a version, a scale, a reason): one JSON object.
        ["Details"] = entry.Details?.ToJsonString(AppJson.Options),
    });

    public static TimelineEntry ToTimeline(TableEntity row) => new(
        row.RowKey,
        row.GetDateTimeOffset("At") ?? default,
        EnumColumn.Parse<TimelineType>(row.GetString("Type")),
        EnumColumn.Parse<DeterminationStatus>(row.GetString("Status")),
        row.GetString("Details") is { } details ? JsonNode.Parse(details)?.AsObject() : null);

    public static TableEntity FromReview(string partition, ReviewRecord review) =>
        TableRow.Of(partition, TableRow.VersionKey(review.Version), ReviewColumns(review, ""));

    public static ReviewRecord ToReview(TableEntity row, string prefix = "") => new(
        row.GetString(prefix + "Id"),
        row.GetInt32(prefix + "Version") ?? 0,
        EnumColumn.Parse<ReviewDecision>(row.GetString(prefix + "Decision")),
        row.GetString(prefix + "Reason"),
        row.GetDateTimeOffset(prefix + "ReviewedAt") ?? default);

    private static List<KeyValuePair<string, object?>> ReviewColumns(ReviewRecord review, string prefix) =>
    [
        new(prefix + "Id", review.ReviewId),
        new(prefix + "Version", review.Version),
        new(prefix + "Decision", EnumColumn.Of(review.Decision)),
        new(prefix + "Reason", review.Reason),
        new(prefix + "ReviewedAt", review.ReviewedAt),
    ];
}
