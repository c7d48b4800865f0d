using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Notifications;
using Etransactions.Functions.Publication.List;

namespace Etransactions.Functions.Publication.Versions;

/// <summary>
/// One published version of the list, as <c>v{n}.json</c> holds it: what the list says, when it was
/// published, what changed since the version before, and the SHA-256 of the CSV made from the same entries,
/// so that the signature over this file vouches for the CSV as well.
/// </summary>
public sealed record ListDocument(
    string List,
    LocalizedText Title,
    string LegalBasis,
    int Version,
    DateTimeOffset PublishedAt,
    int? PreviousVersion,
    IReadOnlyList<ListedPlatform> Platforms,
    ListChanges Changes,
    PublishedFile Csv)
{
    public const string LargePlatforms = "large-platforms";

    public static readonly LocalizedText LargePlatformsTitle = new(
        "Danh sách nền tảng số trung gian quy mô lớn và quy mô rất lớn",
        "List of large-scale and particularly large-scale intermediary digital platforms");

    public const string LargePlatformsLegalBasis = "Nghị định 137/2024/NĐ-CP, Điều 18 khoản 4 điểm b / Decree 137/2024/ND-CP, Article 18.4.b";

    /// <summary>What a stored <c>v{n}.json</c> says.</summary>
    public static ListDocument Parse(byte[] json) =>
        JsonSerializer.Deserialize<ListDocument>(json, AppJson.Options) ?? throw new InvalidOperationException("A list version's JSON is null.");
}
