using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Determinations;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Publication.List;
using Etransactions.Functions.Publication.Versions;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Publication.Publishing;

/// <summary>
/// Publishes the list of large and particularly large intermediary platforms (Decree 137 Art. 18.4.b) when
/// it changed. A version is claimed by creating its JSON, which holds everything the version is; its CSV and
/// signature follow, and the pointer moves last. A version claimed but not pointed to (a run cut short, or
/// one running beside this) is finished before anything new is claimed, so runs side by side publish one
/// version, and a run that failed half-way leaves the previous version the latest until the next finishes it.
/// </summary>
public sealed partial class LargePlatformPublisher(
    PlatformStore platforms,
    DeterminationStore determinations,
    PublishedLists lists,
    ListSignature signature,
    TimeProvider clock,
    ILogger<LargePlatformPublisher> logger)
{
    private const string List = ListDocument.LargePlatforms;
    private const string JsonType = "application/json; charset=utf-8";
    private const string CsvType = "text/csv; charset=utf-8";

    /// <summary>Each round finishes one version or finds nothing to do; more rounds mean runs keep racing.</summary>
    private const int MaxRounds = 10;

    public async Task<PublicationOutcome> PublishAsync(CancellationToken cancellation)
    {
        var current = LargePlatformList.Build(await platforms.ListAsync(cancellation), await determinations.ListAsync(cycle: null, cancellation));
        var published = new List<int>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var (index, etag) = await lists.ReadIndexAsync(List, cancellation);
            var latest = index?.Latest ?? 0;
            var pending = await ReadAsync(latest + 1, cancellation);
            if (pending is null)
            {
                var previous = latest == 0 ? null : await ReadAsync(latest, cancellation)
                    ?? throw new InvalidOperationException($"The pointer names version {latest} of {List}, whose JSON is missing.");
                if (previous is not null && previous.Document.Platforms.SequenceEqual(current))
                {
                    return new PublicationOutcome(latest, published);
                }
                pending = await ClaimAsync(latest + 1, previous?.Document, current, cancellation);
            }
            var version = await CompleteAsync(pending, cancellation);
            if (await lists.MoveIndexAsync(List, (index ?? new ListIndex(0, [])).With(version), etag, cancellation))
            {
                published.Add(version.Version);
                LogPublished(version.Version, version.Platforms, version.Changes.Added.Count, version.Changes.Removed.Count, version.Changes.ScaleChanged.Count);
            }
        }
        throw new InvalidOperationException($"The list {List} did not settle in {MaxRounds} rounds: other runs keep publishing beside this one.");
    }

    private async Task<StoredDocument> ClaimAsync(int version, ListDocument? previous, IReadOnlyList<ListedPlatform> platforms, CancellationToken cancellation)
    {
        var document = new ListDocument(
            List, ListDocument.LargePlatformsTitle, ListDocument.LargePlatformsLegalBasis, version, clock.GetUtcNow(), previous?.Version,
            platforms, ListChanges.Between(previous?.Platforms ?? [], platforms), PublishedFile.Of(PublishedLists.CsvName(List, version), ListCsv.Write(platforms)));
        var stored = await lists.CreateOnceAsync(PublishedLists.JsonName(List, version), JsonSerializer.SerializeToUtf8Bytes(document, AppJson.Options), JsonType, cancellation);
        return StoredDocument.Parse(stored);
    }

    /// <summary>Writes what the claimed version lacks (its CSV, its signature) and says what the history is to record of it.</summary>
    private async Task<ListVersion> CompleteAsync(StoredDocument stored, CancellationToken cancellation)
    {
        var document = stored.Document;
        var csv = ListCsv.Write(document.Platforms);
        if (!document.Csv.Matches(csv)
            || !document.Csv.Matches(await lists.CreateOnceAsync(document.Csv.Name, csv, CsvType, cancellation)))
        {
            throw new InvalidOperationException($"The CSV of version {document.Version} of {List} is not the one its JSON names.");
        }
        var signatureName = PublishedLists.SignatureName(List, document.Version);
        var signed = await lists.ReadAsync(signatureName, cancellation)
            ?? await lists.CreateOnceAsync(signatureName, await signature.SignAsync(stored.Json, clock.GetUtcNow(), cancellation), ListSignature.ContentType, cancellation);
        var signer = ListSignature.SignerOf(stored.Json, signed);
        return new ListVersion(
            document.Version, document.PublishedAt, document.Platforms.Count, document.Changes,
            new ListFiles(PublishedFile.Of(PublishedLists.JsonName(List, document.Version), stored.Json), document.Csv, PublishedFile.Of(signatureName, signed)),
            signer);
    }

    private async Task<StoredDocument?> ReadAsync(int version, CancellationToken cancellation) =>
        await lists.ReadAsync(PublishedLists.JsonName(List, version), cancellation) is { } json ? StoredDocument.Parse(json) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Published version {Version} of the large platforms list: {Platforms} platform(s), {Added} added, {Removed} removed, {ScaleChanged} changed scale")]
    private partial void LogPublished(int version, int platforms, int added, int removed, int scaleChanged);
}

/// <param name="Latest">The version the pointer names after the run (0 while nothing is published).</param>
/// <param name="Published">The versions this run moved the pointer to.</param>
public sealed record PublicationOutcome(int Latest, IReadOnlyList<int> Published);

/// <summary>A version's JSON as stored, with what it says.</summary>
internal sealed record StoredDocument(byte[] Json, ListDocument Document)
{
    public static StoredDocument Parse(byte[] json) => new(json, ListDocument.Parse(json));
}
