namespace Etransactions.Functions.Conversion.Electronic;

/// <summary>
/// Where an electronic document is uploaded: <c>documents/{agencyCode}/{any/path/name}.pdf</c>. It is kept as it
/// came (its signatures would break if it were rewritten): no OCR, no symbol, only a lookup code.
/// </summary>
public sealed record DocumentLocation(string BlobPath, string Name, string AgencyCode)
{
    public const string Container = "documents";

    /// <summary>True for <c>documents/…</c>: the path names an electronic document, not a scan.</summary>
    public static bool Holds(string path) => path.Trim().TrimStart('/').StartsWith(Container + "/", StringComparison.Ordinal);

    public static string NormalisePath(string input)
    {
        var trimmed = input.Trim().TrimStart('/');
        return trimmed.StartsWith(Container + "/", StringComparison.Ordinal) ? trimmed : $"{Container}/{trimmed}";
    }

    /// <exception cref="ScanRejectedException">bad-path or unsupported-type.</exception>
    public static DocumentLocation Parse(string blobPath)
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
                $"Đường dẫn \"{path}\" không đúng dạng documents/{{mã cơ quan}}/{{tên tệp}}.pdf.",
                $"The path \"{path}\" is not documents/{{agencyCode}}/{{file name}}.pdf.");
        }
        if (!rest.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            throw Rejections.Scan("unsupported-type", "documents takes PDF files only");
        }
        return new DocumentLocation(path, name, agencyCode);
    }
}
