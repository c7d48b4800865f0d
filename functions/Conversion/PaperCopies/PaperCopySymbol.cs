namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary>The distinct symbol of a paper document converted from a data message (Decree 137 Art. 5.2.a), Vietnamese first.</summary>
public static class PaperCopySymbol
{
    public const string Vi = "Văn bản giấy được chuyển đổi từ thông điệp dữ liệu";

    public const string En = "Paper document converted from a data message";

    public const string Both = $"{Vi} / {En}";
}
