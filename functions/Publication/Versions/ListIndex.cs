using Etransactions.Functions.Publication.List;

namespace Etransactions.Functions.Publication.Versions;

/// <summary>
/// The pointer, <c>index.json</c>: the latest version and the history of every version, newest first. It is
/// the only file ever replaced, and only once every file of the version it names is written.
/// </summary>
public sealed record ListIndex(int Latest, IReadOnlyList<ListVersion> Versions)
{
    public ListVersion? Find(int version) => Versions.FirstOrDefault(entry => entry.Version == version);

    public ListIndex With(ListVersion version) => new(version.Version, [version, .. Versions.Where(entry => entry.Version != version.Version)]);
}

/// <summary>What the history says of one version: when, how many platforms, what changed, its files and who signed it.</summary>
/// <param name="Signer">The common name of the certificate in the signature.</param>
public sealed record ListVersion(int Version, DateTimeOffset PublishedAt, int Platforms, ListChanges Changes, ListFiles Files, string Signer);

/// <param name="Signature">The detached CMS signature (DER) over the JSON file.</param>
public sealed record ListFiles(PublishedFile Json, PublishedFile Csv, PublishedFile Signature);
