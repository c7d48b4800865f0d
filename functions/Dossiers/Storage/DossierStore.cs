using Azure;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Storage;

/// <summary>A dossier as read, with the ETag its next change must match.</summary>
public sealed record StoredDossier(Dossier Dossier, ETag ETag);

/// <summary>What became of an action: applied as history entry <see cref="Sequence"/>, or refused with a problem.</summary>
public sealed record ActionOutcome(int? Sequence, int? Status, string? Detail, string? State);

/// <summary>
/// Dossiers in table <c>dossiers</c> (rows in <see cref="DossierRows"/>). A code is given in one transaction that
/// moves the agency's counter of the day (If-Match as read), adds the dossier and its key: codes are gapless per
/// agency and day under any concurrency, and a submission sent again with its key finds its dossier. A change
/// writes the dossier (If-Match), its history entry and its action's row in one transaction too.
/// </summary>
public sealed class DossierStore(AppTables tables)
{
    public const string Table = "dossiers";
    private const int MaxRounds = 60;

    private readonly AppTable _rows = tables[Table];

    public async Task<StoredDossier?> GetAsync(string code, CancellationToken cancellation) =>
        await _rows.GetAsync(DossierCode.AgencyOf(code), DossierRows.DossierRow(code), cancellation) is { } row
            ? new StoredDossier(DossierRows.ToDossier(row), row.ETag)
            : null;

    /// <summary>
    /// The dossier of this key, or a new one with the next code of its agency and day. <paramref name="build"/> makes
    /// the dossier from its code; <paramref name="bodyHash"/> tells a replay from another submission under the same key.
    /// </summary>
    public async Task<(Dossier Dossier, bool Created, bool SameBody)> CreateAsync(
        string agency, DateTimeOffset receivedAt, SubmissionKey key, Func<string, Dossier> build, CancellationToken cancellation)
    {
        var table = await _rows.ClientAsync();
        var day = DossierCode.DayKey(receivedAt);
        var keyRow = DossierRows.KeyRow(key.Subject, key.Value);
        for (var round = 1; ; round++)
        {
            if (await _rows.GetAsync(agency, keyRow, cancellation) is { } kept)
            {
                var existing = await GetAsync(kept.GetString("Code")!, cancellation);
                return (existing!.Dossier, false, kept.GetString("BodyHash") == key.BodyHash);
            }
            var counter = await _rows.GetAsync(agency, DossierRows.Counter(day), cancellation);
            var sequence = (counter?.GetInt32("Last") ?? 0) + 1;
            var dossier = build(DossierCode.Of(agency, Core.VietnamTime.DateOf(receivedAt), sequence));
            var counterRow = new TableEntity(agency, DossierRows.Counter(day)) { ["Last"] = sequence };
            TableTransactionAction[] actions =
            [
                counter is null ? new(TableTransactionActionType.Add, counterRow) : new(TableTransactionActionType.UpdateMerge, counterRow, counter.ETag),
                new(TableTransactionActionType.Add, DossierRows.FromDossier(dossier)),
                new(TableTransactionActionType.Add, DossierRows.FromEntry(agency, dossier.Code, Submitted(dossier))),
                new(TableTransactionActionType.Add, new TableEntity(agency, keyRow) { ["Code"] = dossier.Code, ["BodyHash"] = key.BodyHash }),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellation);
                return (dossier, true, true);
            }
            catch (TableTransactionFailedException lost) when (lost.Status is 409 or 412 && round < MaxRounds)
            {
                // Another submission took the number (or the key) first: read again.
            }
        }
    }

    /// <summary>Writes a decided change: false when the dossier changed since it was read (nothing is written then).</summary>
    public async Task<bool> SaveAsync(Dossier next, ETag seen, HistoryEntry entry, CancellationToken cancellation)
    {
        var table = await _rows.ClientAsync();
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, DossierRows.FromDossier(next), seen),
            new(TableTransactionActionType.Add, DossierRows.FromEntry(next.Agency, next.Code, entry)),
        };
        if (entry.ActionId is { } actionId)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(next.Agency, DossierRows.ActionRow(next.Code, actionId)) { ["Sequence"] = entry.Sequence }));
        }
        try
        {
            await table.SubmitTransactionAsync(actions, cancellation);
            return true;
        }
        catch (TableTransactionFailedException lost) when (lost.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Records that an action was refused, so that whoever waits for it learns why (a first refusal is kept).</summary>
    public async Task RefuseAsync(string code, string actionId, int status, string detail, string? state, CancellationToken cancellation) =>
        await _rows.AddOrReadAsync(TableRow.Of(DossierCode.AgencyOf(code), DossierRows.ActionRow(code, actionId),
            [new("Status", status), new("Detail", detail), new("State", state)]), cancellation);

    public async Task<ActionOutcome?> OutcomeAsync(string code, string actionId, CancellationToken cancellation) =>
        await _rows.GetAsync(DossierCode.AgencyOf(code), DossierRows.ActionRow(code, actionId), cancellation) is { } row
            ? new ActionOutcome(row.GetInt32("Sequence"), row.GetInt32("Status"), row.GetString("Detail"), row.GetString("State"))
            : null;

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string code, CancellationToken cancellation)
    {
        var prefix = DossierRows.HistoryPrefix(code);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DossierCode.AgencyOf(code)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var entries = new List<HistoryEntry>();
        await foreach (var row in _rows.QueryAsync(filter, cancellation))
        {
            entries.Add(DossierRows.ToEntry(row));
        }
        return entries;
    }

    /// <summary>Every dossier not yet ended, across agencies (the deadline check).</summary>
    public async IAsyncEnumerable<Dossier> OpenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var row in _rows.QueryAsync(TableClient.CreateQueryFilter($"Open eq {true}"), cancellation))
        {
            yield return DossierRows.ToDossier(row);
        }
    }

    /// <summary>An agency's dossiers with their histories, and its ratings (the monthly report).</summary>
    public async Task<AgencyRecords> AgencyAsync(string agency, CancellationToken cancellation)
    {
        var dossiers = new List<Dossier>();
        var history = new Dictionary<string, List<HistoryEntry>>(StringComparer.Ordinal);
        var ratings = new List<Rating>();
        await foreach (var row in _rows.ListPartitionAsync(agency, cancellation))
        {
            switch (row.RowKey[0])
            {
                case 'd':
                    dossiers.Add(DossierRows.ToDossier(row));
                    break;
                case 'h':
                    var code = row.RowKey[1..row.RowKey.LastIndexOf('|')];
                    (history.TryGetValue(code, out var list) ? list : history[code] = []).Add(DossierRows.ToEntry(row));
                    break;
                case 'r':
                    ratings.Add(DossierRows.ToRating(row));
                    break;
            }
        }
        return new AgencyRecords(dossiers, history.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<HistoryEntry>)pair.Value, StringComparer.Ordinal), ratings);
    }

    /// <summary>Stores the applicant's rating; false when the dossier was rated already (one rating per dossier).</summary>
    public async Task<(Rating Kept, bool Created)> RateAsync(Dossier dossier, Rating rating, CancellationToken cancellation)
    {
        var (row, created) = await _rows.AddOrReadAsync(DossierRows.FromRating(dossier.Agency, rating), cancellation);
        return (DossierRows.ToRating(row), created);
    }

    private static HistoryEntry Submitted(Dossier dossier) =>
        new(1, dossier.ReceivedAt, HistoryEvents.Submitted, dossier.State, dossier.State, dossier.ApplicantSubject, dossier.Applicant.Name, Identity.Roles.Applicant);
}

/// <summary>An idempotency key of a submission: its caller, the key, and the hash of the body it came with.</summary>
public sealed record SubmissionKey(string Subject, string Value, string BodyHash);

public sealed record AgencyRecords(IReadOnlyList<Dossier> Dossiers, IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>> History, IReadOnlyList<Rating> Ratings);
