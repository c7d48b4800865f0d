using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>
/// Statistics submissions in table <c>platformstatistics</c>: partition <c>{platformId}-{cycle}</c>, one row
/// per version. A version is added, never replaced, so two writers of the same version cannot both win.
/// </summary>
public sealed class StatisticsStore(AppTables tables)
{
    public const string Table = "platformstatistics";

    private readonly AppTable _submissions = tables[Table];

    /// <summary>The partition of a platform's cycle, shared by the timeline and reviews of its determination.</summary>
    public static string Partition(string platformId, int cycle) => string.Create(CultureInfo.InvariantCulture, $"{platformId}-{cycle}");

    /// <summary>Every version, oldest first.</summary>
    public async Task<IReadOnlyList<StoredSubmission>> HistoryAsync(string platformId, int cycle, CancellationToken cancellation)
    {
        var versions = new List<StoredSubmission>();
        await foreach (var row in _submissions.ListPartitionAsync(Partition(platformId, cycle), cancellation))
        {
            versions.Add(Read(row));
        }
        return versions;
    }

    public async Task<StoredSubmission?> LatestAsync(string platformId, int cycle, CancellationToken cancellation) =>
        await HistoryAsync(platformId, cycle, cancellation) is [.., var latest] ? latest : null;

    public async Task<StoredSubmission?> GetAsync(string platformId, int cycle, int version, CancellationToken cancellation) =>
        await _submissions.GetAsync(Partition(platformId, cycle), TableRow.VersionKey(version), cancellation) is { } row ? Read(row) : null;

    /// <summary>Stores a new version; a version another request stored at the same moment is a conflict.</summary>
    public async Task AppendAsync(StoredSubmission submission, CancellationToken cancellation)
    {
        var (_, created) = await _submissions.AddOrReadAsync(Row(submission), cancellation);
        if (!created)
        {
            throw new ConflictException(
                "Một lần gửi khác của kỳ này vừa được lưu cùng lúc; hãy gửi lại / Another submission for this cycle was stored at the same moment; send yours again.");
        }
    }

    private static TableEntity Row(StoredSubmission submission)
    {
        var columns = new Dictionary<string, object?>
        {
            ["PlatformId"] = submission.PlatformId,
            ["Cycle"] = submission.Cycle,
            ["Version"] = submission.Version,
            ["SubmittedAt"] = submission.SubmittedAt,
            ["Late"] = submission.Late,
            ["ContentSha256"] = submission.ContentSha256,
            // Twelve months cannot be columns of their own: one JSON array.
            ["Months"] = JsonSerializer.Serialize(submission.Months, AppJson.Options),
            ["Intermediary"] = submission.Intermediary,
            ["MeasurementMethod"] = submission.Measurement.Method,
            ["MeasurementTool"] = submission.Measurement.Tool,
            ["DeclarantName"] = submission.Declarant.Name,
            ["DeclarantPosition"] = submission.Declarant.Position,
            ["Reason"] = submission.Reason,
        };
        return TableRow.Of(
            Partition(submission.PlatformId, submission.Cycle), TableRow.VersionKey(submission.Version),
            columns.Concat(ClassificationColumns.Of(submission.Classification)));
    }

    private static StoredSubmission Read(TableEntity row) => new(
        row.GetString("PlatformId"),
        row.GetInt32("Cycle") ?? 0,
        row.GetInt32("Version") ?? 0,
        JsonSerializer.Deserialize<List<MonthlyUsers>>(row.GetString("Months"), AppJson.Options) ?? [],
        row.GetBoolean("Intermediary") ?? false,
        new Measurement(row.GetString("MeasurementMethod"), row.GetString("MeasurementTool")),
        new Declarant(row.GetString("DeclarantName"), row.GetString("DeclarantPosition")),
        row.GetString("Reason"),
        row.GetDateTimeOffset("SubmittedAt") ?? default,
        row.GetBoolean("Late") ?? false,
        row.GetString("ContentSha256"),
        ClassificationColumns.Read(row) ?? throw new InvalidOperationException($"Statistics {row.PartitionKey}/{row.RowKey} has no classification."));
}
