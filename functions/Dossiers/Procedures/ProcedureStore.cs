using System.Text.Json;
using Azure.Data.Tables;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary>
/// Procedures in table <c>procedures</c>: partition = the procedure's code, one insert-only row per version
/// (<c>v000001</c>…), the definition as JSON. A version is never changed, so a dossier that keeps its
/// version number keeps the rules it was received under.
/// </summary>
public sealed class ProcedureStore(AppTables tables)
{
    public const string Table = "procedures";

    private readonly AppTable _rows = tables[Table];

    /// <summary>Stores the definition as the next version; 200 when it equals the newest one (nothing new is stored).</summary>
    public async Task<(Procedure Procedure, bool Created)> PutAsync(string code, ProcedureBody body, string by, DateTimeOffset now, CancellationToken cancellation)
    {
        while (true)
        {
            var versions = await VersionsAsync(code, cancellation);
            if (versions.Count > 0 && Same(versions[^1].Definition, body))
            {
                return (versions[^1], false);
            }
            var procedure = new Procedure(code, versions.Count + 1, body, now, by);
            var (_, created) = await _rows.AddOrReadAsync(ToRow(procedure), cancellation);
            if (created)
            {
                return (procedure, true);
            }
            // Another writer took that version number: read again and take the next.
        }
    }

    /// <summary>Every version, oldest first.</summary>
    public async Task<IReadOnlyList<Procedure>> VersionsAsync(string code, CancellationToken cancellation)
    {
        var versions = new List<Procedure>();
        await foreach (var row in _rows.ListPartitionAsync(code, cancellation))
        {
            versions.Add(FromRow(row));
        }
        return versions;
    }

    public async Task<Procedure?> VersionAsync(string code, int version, CancellationToken cancellation) =>
        await _rows.GetAsync(code, TableRow.VersionKey(version), cancellation) is { } row ? FromRow(row) : null;

    /// <summary>The newest version of every procedure, by code.</summary>
    public async Task<IReadOnlyList<Procedure>> ListAsync(CancellationToken cancellation)
    {
        var newest = new SortedDictionary<string, Procedure>(StringComparer.Ordinal);
        await foreach (var row in _rows.QueryAsync(null, cancellation))
        {
            var procedure = FromRow(row);
            if (!newest.TryGetValue(procedure.Code, out var kept) || kept.Version < procedure.Version)
            {
                newest[procedure.Code] = procedure;
            }
        }
        return [.. newest.Values];
    }

    private static bool Same(ProcedureBody a, ProcedureBody b) =>
        JsonSerializer.Serialize(a, AppJson.Options) == JsonSerializer.Serialize(b, AppJson.Options);

    private static TableEntity ToRow(Procedure procedure) => TableRow.Of(procedure.Code, TableRow.VersionKey(procedure.Version),
    [
        new("Version", procedure.Version),
        new("Agency", procedure.Agency),
        new("EffectiveFrom", procedure.Definition.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("Definition", JsonSerializer.Serialize(procedure.Definition, AppJson.Options)),
        new("RecordedAt", procedure.RecordedAt),
        new("RecordedBy", procedure.RecordedBy),
    ]);

    private static Procedure FromRow(TableEntity row) => new(
        row.PartitionKey,
        row.GetInt32("Version") ?? 0,
        JsonSerializer.Deserialize<ProcedureBody>(row.GetString("Definition"), AppJson.Options)!,
        row.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue,
        row.GetString("RecordedBy") ?? "");
}
