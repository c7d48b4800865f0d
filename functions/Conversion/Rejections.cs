namespace Etransactions.Functions.Conversion;

/// <summary>
/// Why an upload cannot become a data message. Each code has a fixed reason in Vietnamese and English that
/// a clerk can read; a detail (what was found: sizes, limits) is appended to both, never internals.
/// The codes and texts are those of the first version of the app, which clerks and scripts already read.
/// </summary>
public static class Rejections
{
    private static readonly Dictionary<string, (string Vi, string En)> Reasons = new()
    {
        // From the scan's bytes.
        ["type-mismatch"] = ("Nội dung tệp không đúng với phần mở rộng của tên tệp", "The file content does not match its extension"),
        ["unsupported-type"] = ("Loại tệp không được hỗ trợ (chỉ nhận PDF, PNG, JPEG, TIFF)", "Unsupported file type (only PDF, PNG, JPEG and TIFF are accepted)"),
        ["corrupt"] = ("Tệp bị hỏng hoặc không đầy đủ", "The file is corrupt or truncated"),
        ["encrypted"] = ("Tệp PDF được mã hóa hoặc đặt mật khẩu", "The PDF is encrypted or password-protected"),
        ["too-large"] = ("Tệp vượt quá dung lượng cho phép", "The file is over the size limit"),
        ["too-many-pages"] = ("Tệp có nhiều trang hơn mức cho phép", "The file has more pages than allowed"),
        ["too-many-pixels"] = ("Ảnh quét có số điểm ảnh trên một trang vượt mức cho phép", "A scanned page has more pixels than allowed"),
        ["empty"] = ("Tệp rỗng hoặc không có trang nào", "The file is empty or has no pages"),
        // From what the data message shows of its conversion (the converter's name, the QR code's payload).
        ["symbol-block"] = ("Không tạo được khối ký hiệu của thông điệp dữ liệu (thông tin chuyển đổi hoặc mã QR)", "The data message's symbol block (the conversion details or the QR code) cannot be made"),
    };

    /// <summary>A rejection of the scan's bytes with the code's fixed reason and, when given, what was found.</summary>
    public static ScanRejectedException Scan(string code, string? detail = null)
    {
        var (vi, en) = Reasons.TryGetValue(code, out var reason)
            ? reason
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a rejection code of a scan.");
        var suffix = string.IsNullOrEmpty(detail) ? "" : $" ({detail})";
        return new ScanRejectedException(code, vi + suffix, en + suffix);
    }
}

/// <summary>
/// An upload that cannot be converted, for a reason the clerk can fix by uploading again: its record ends
/// `rejected` with the code and both reasons, and the upload stays where it is. Never retried.
/// </summary>
public sealed class ScanRejectedException(string code, string reasonVi, string reasonEn) : Exception(reasonEn)
{
    public string Code { get; } = code;

    public string ReasonVi { get; } = reasonVi;

    public string ReasonEn { get; } = reasonEn;
}
