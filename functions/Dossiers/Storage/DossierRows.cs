using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Storage;

/// <summary>
/// The rows of table <c>dossiers</c>, all of one agency in its partition so that a dossier, its history and its
/// keys change in one entity-group transaction: <c>c{yyMMdd}</c> the day's counter, <c>d{code}</c> the dossier,
/// <c>h{code}|{seq}</c> its history, <c>a{code}|{hash}</c> an action handled or refused, <c>k{hash}</c> a
/// submission's idempotency key, <c>r{code}</c> its rating.
/// </summary>
internal static class DossierRows
{
    public static string Counter(string day) => $"c{day}";

    public static string DossierRow(string code) => $"d{code}";

    public static string HistoryRow(string code, int sequence) => $"h{code}|{sequence:D4}";

    public static string HistoryPrefix(string code) => $"h{code}|";

    public static string ActionRow(string code, string actionId) => $"a{code}|{Hash(actionId)}";

    public static string KeyRow(string subject, string key) => $"k{Hash($"{subject}\n{key}")}";

    public static string RatingRow(string code) => $"r{code}";

    public static TableEntity FromDossier(Dossier dossier) => TableRow.Of(dossier.Agency, DossierRow(dossier.Code),
    [
        new("Code", dossier.Code),
        new("State", EnumColumn.Of(dossier.State)),
        new("Open", !dossier.State.IsFinal()),
        new("ApplicantSubject", dossier.ApplicantSubject),
        new("ReceivedAt", dossier.ReceivedAt),
        new("Dossier", JsonSerializer.Serialize(dossier, AppJson.Options)),
    ]);

    public static Dossier ToDossier(TableEntity row) => JsonSerializer.Deserialize<Dossier>(row.GetString("Dossier"), AppJson.Options)!;

    public static TableEntity FromEntry(string agency, string code, HistoryEntry entry) =>
        TableRow.Of(agency, HistoryRow(code, entry.Sequence), [new("Entry", JsonSerializer.Serialize(entry, AppJson.Options))]);

    public static HistoryEntry ToEntry(TableEntity row) => JsonSerializer.Deserialize<HistoryEntry>(row.GetString("Entry"), AppJson.Options)!;

    public static TableEntity FromRating(string agency, Rating rating) => TableRow.Of(agency, RatingRow(rating.Code),
        [new("Code", rating.Code), new("Score", rating.Score), new("Comment", rating.Comment), new("At", rating.At)]);

    public static Rating ToRating(TableEntity row) =>
        new(row.GetString("Code")!, row.GetInt32("Score") ?? 0, row.GetString("Comment"), row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);

    /// <summary>A hash for ids that callers choose (they may hold characters a row key cannot).</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}
