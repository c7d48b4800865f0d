namespace Etransactions.Functions.Conversion.Messages;

/// <summary>
/// The distinct symbol of Art. 4.1.a ("a distinct symbol representing the data message converted from the
/// paper document"), worded as the decree words it, Vietnamese first.
/// </summary>
public static class DataMessageSymbol
{
    public const string Vi = "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy";

    public const string En = "Data message converted from a paper document";

    /// <summary>The page a QR code sends a reader to: the lookup API for this code.</summary>
    public static string VerificationUrl(string verifyUrlBase, string displayCode) => $"{verifyUrlBase.TrimEnd('/')}/{displayCode}";
}
