using Etransactions.Functions.Core;

namespace Etransactions.Functions.Conversion.Requests;

/// <summary>
/// Where an upload is: <c>scans/{agencyCode}/{any/path/name}.{pdf|png|jpg|jpeg|tif|tiff}</c>. Agency codes are
/// those of <see cref="Core.AgencyCode"/>.
/// </summary>
/// <param name="BlobPath"><c>scans/{agencyCode}/{rest}</c>.</param>
/// <param name="Name">The name inside the container: <c>{agencyCode}/{rest}</c>.</param>
/// <param name="Extension">Lower case, without the dot.</param>
public sealed record ScanLocation(string BlobPath, string Name, string AgencyCode, string Extension)
{
    public const string Container = "scans";
    public static readonly IReadOnlyList<string> Extensions = ["pdf", "png", "jpg", "jpeg", "tif", "tiff"];

    /// <summary>Accepts <c>scans/a/b.pdf</c>, <c>/scans/a/b.pdf</c> or the name inside the container <c>a/b.pdf</c>.</summary>
    public static string NormalisePath(string input)
    {
        var trimmed = input.Trim().TrimStart('/');
        return trimmed.StartsWith(Container + "/", StringComparison.Ordinal) ? trimmed : $"{Container}/{trimmed}";
    }

    /// <exception cref="ScanRejectedException">bad-path or unsupported-type, with the reason.</exception>
    public static ScanLocation Parse(string blobPath)
    {
        var path = NormalisePath(blobPath);
        var name = path[(Container.Length + 1)..];
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var agencyCode = slash > 0 ? name[..slash] : "";
        var rest = slash > 0 ? name[(slash + 1)..] : "";
        if (!Core.AgencyCode.IsValid(agencyCode) || rest.Length == 0 || rest.EndsWith('/'))
        {
            throw new ScanRejectedException(
                "bad-path",
                $"Đường dẫn \"{path}\" không đúng dạng scans/{{mã cơ quan}}/{{tên tệp}}: thiếu mã cơ quan hoặc tên tệp (mã chỉ gồm chữ, số, dấu chấm, gạch).",
                $"The path \"{path}\" is not scans/{{agencyCode}}/{{file name}}: the agency code or the file name is missing (codes use letters, digits, dots, hyphens).");
        }
        var dot = rest.LastIndexOf('.');
        var extension = dot >= 0 ? rest[(dot + 1)..].ToLowerInvariant() : "";
        if (!Extensions.Contains(extension))
        {
            var list = string.Join(", ", Extensions);
            throw new ScanRejectedException(
                "unsupported-type",
                $"Phần mở rộng \"{(extension.Length == 0 ? "(không có)" : extension)}\" không được hỗ trợ; dùng {list}.",
                $"The extension \"{(extension.Length == 0 ? "(none)" : extension)}\" is not supported; use {list}.");
        }
        return new ScanLocation(path, name, agencyCode, extension);
    }
}
