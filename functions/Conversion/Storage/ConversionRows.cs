using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Conversion.Storage;

/// <summary>The registry's records as table rows, one typed column per field (nulls left out).</summary>
internal static class ConversionRows
{
    public static TableEntity FromConversion(ConversionRecord record, string partition, string row) => TableRow.Of(partition, row, new Dictionary<string, object?>
    {
        ["BlobPath"] = record.BlobPath,
        ["Status"] = record.Status,
        ["BlobEtag"] = record.BlobEtag,
        ["Attempts"] = record.Attempts,
        ["FirstSeenAt"] = record.FirstSeenAt,
        ["UpdatedAt"] = record.UpdatedAt,
        ["AgencyCode"] = record.AgencyCode,
        ["RejectionCode"] = record.RejectionCode,
        ["ReasonVi"] = record.ReasonVi,
        ["ReasonEn"] = record.ReasonEn,
        ["MessageId"] = record.MessageId,
        ["ContentSha256"] = record.ContentSha256,
        ["LookupCode"] = record.LookupCode,
        ["LastError"] = record.LastError,
    });

    public static ConversionRecord ToConversion(TableEntity row) =>
        new(row.GetString("BlobPath"), row.GetString("Status"), row.GetString("BlobEtag"), row.GetInt32("Attempts") ?? 0,
            row.GetDateTimeOffset("FirstSeenAt") ?? default, row.GetDateTimeOffset("UpdatedAt") ?? default)
        {
            AgencyCode = row.GetString("AgencyCode"),
            RejectionCode = row.GetString("RejectionCode"),
            ReasonVi = row.GetString("ReasonVi"),
            ReasonEn = row.GetString("ReasonEn"),
            MessageId = row.GetString("MessageId"),
            ContentSha256 = row.GetString("ContentSha256"),
            LookupCode = row.GetString("LookupCode"),
            LastError = row.GetString("LastError"),
        };

    public static TableEntity FromDataMessage(DataMessageRecord record, string row) => TableRow.Of(record.Code, row, new Dictionary<string, object?>
    {
        ["MessageId"] = record.MessageId,
        ["AgencyCode"] = record.AgencyCode,
        ["SourcePath"] = record.SourcePath,
        ["SourceSha256"] = record.SourceSha256,
        ["ConvertedAt"] = record.ConvertedAt,
        ["State"] = record.State,
        ["ClaimedAt"] = record.ClaimedAt,
        ["PdfPath"] = record.PdfPath,
        ["ManifestPath"] = record.ManifestPath,
        ["OutputSha256"] = record.OutputSha256,
        ["PageCount"] = record.PageCount,
        ["IsSigned"] = record.IsSigned,
    });

    public static DataMessageRecord ToDataMessage(TableEntity row) =>
        new(row.PartitionKey, row.GetString("MessageId"), row.GetString("AgencyCode"), row.GetString("SourcePath"),
            row.GetString("SourceSha256"), row.GetDateTimeOffset("ConvertedAt") ?? default, row.GetString("State"))
        {
            ClaimedAt = row.GetDateTimeOffset("ClaimedAt"),
            PdfPath = row.GetString("PdfPath"),
            ManifestPath = row.GetString("ManifestPath"),
            OutputSha256 = row.GetString("OutputSha256"),
            PageCount = row.GetInt32("PageCount"),
            IsSigned = row.GetBoolean("IsSigned"),
            ETag = row.ETag.ToString(),
        };
}
