using System.Globalization;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Register;

/// <summary>
/// The rows of one agency's year in the table <c>register</c>: a counter (the last number given), one row per
/// entry (<c>n00000012</c>, sorting as numbers) and one per entry key (<c>k{sha256}</c>, pointing at its entry).
/// </summary>
internal static class RegisterRows
{
    public const string CounterRow = "counter";
    public const string EntryPrefix = "n";
    public const string KeyPrefix = "k";

    public static string EntryRow(int sequence) => string.Create(CultureInfo.InvariantCulture, $"{EntryPrefix}{sequence:D8}");

    public static string KeyRow(string key) =>
        KeyPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public static TableEntity Counter(string partition, int last) => new(partition, CounterRow) { ["Last"] = last };

    public static TableEntity Key(string partition, string key, int sequence) => new(partition, KeyRow(key)) { ["Sequence"] = sequence };

    public static TableEntity FromEntry(string partition, RegisterEntry entry) => TableRow.Of(partition, EntryRow(entry.Number.Sequence), new Dictionary<string, object?>
    {
        ["AgencyCode"] = entry.Number.AgencyCode,
        ["Year"] = entry.Number.Year,
        ["Sequence"] = entry.Number.Sequence,
        ["Direction"] = entry.Direction,
        ["ConvertedAt"] = entry.ConvertedAt,
        ["Converter"] = entry.Converter,
        ["LookupCode"] = entry.LookupCode,
        ["InputSha256"] = entry.InputSha256,
        ["InputPages"] = entry.InputPages,
        ["Status"] = entry.Status,
        ["OutputSha256"] = entry.OutputSha256,
        ["OutputPages"] = entry.OutputPages,
        ["CopyId"] = entry.CopyId,
        ["VoidReason"] = entry.VoidReason,
    });

    public static RegisterEntry ToEntry(TableEntity row) =>
        new(new RegisterNumber(row.GetString("AgencyCode"), row.GetInt32("Year") ?? 0, row.GetInt32("Sequence") ?? 0),
            row.GetString("Direction"), row.GetDateTimeOffset("ConvertedAt") ?? default, row.GetString("Converter"),
            row.GetString("LookupCode"), row.GetString("InputSha256"), row.GetInt32("InputPages") ?? 0, row.GetString("Status"))
        {
            OutputSha256 = row.GetString("OutputSha256"),
            OutputPages = row.GetInt32("OutputPages"),
            CopyId = row.GetString("CopyId"),
            VoidReason = row.GetString("VoidReason"),
        };
}
