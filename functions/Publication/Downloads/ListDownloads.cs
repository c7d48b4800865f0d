using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Publication.Versions;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>What the downloads read: the pointer, the version asked for and its files.</summary>
public sealed class ListDownloads(PublishedLists lists)
{
    /// <summary>The history and the version asked for (the latest when none): 404 before the first version, or for one never published.</summary>
    public async Task<(ListIndex Index, ListVersion Version)> ResolveAsync(int? version, CancellationToken cancellation)
    {
        var (index, _) = await lists.ReadIndexAsync(ListDocument.LargePlatforms, cancellation);
        if (index is null)
        {
            throw new NotFoundException("Danh sách chưa được công bố / The list has not been published yet");
        }
        var wanted = version ?? index.Latest;
        return (index, index.Find(wanted) ?? throw new NotFoundException(
            $"Không có phiên bản {wanted}; phiên bản mới nhất là {index.Latest} / There is no version {wanted}; the latest is {index.Latest}"));
    }

    /// <summary>A file of a published version, checked against the SHA-256 the history records.</summary>
    public async Task<byte[]> FileAsync(PublishedFile file, CancellationToken cancellation)
    {
        var content = await lists.ReadAsync(file.Name, cancellation) ?? throw new InvalidOperationException($"{file.Name} is published but missing.");
        return file.Matches(content) ? content : throw new InvalidOperationException($"{file.Name} is not the file that was published.");
    }
}
