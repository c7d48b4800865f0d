namespace Etransactions.Functions.Core.Problems;

/// <summary>
/// A kind of problem: its stable RFC 9457 <c>type</c> (<c>/problems/{slug}</c>), its status and its
/// bilingual title, the same as the first version's.
/// </summary>
public sealed record ProblemKind(string Slug, int Status, string Title)
{
    public static readonly ProblemKind Validation = new("validation", 400, "Dữ liệu không hợp lệ / The request is not valid");
    public static readonly ProblemKind Unauthorized = new("unauthorized", 401, "Chưa xác thực / Authentication required");
    public static readonly ProblemKind Forbidden = new("forbidden", 403, "Không có quyền / Not allowed");
    public static readonly ProblemKind NotFound = new("not-found", 404, "Không tìm thấy / Not found");
    public static readonly ProblemKind Conflict = new("conflict", 409, "Xung đột / Conflict");
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", 413, "Dữ liệu quá lớn / Payload too large");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "Sai kiểu dữ liệu / Unsupported media type");
    public static readonly ProblemKind Internal = new("internal", 500, "Lỗi hệ thống / Internal error");

    public string Type => $"/problems/{Slug}";
}
