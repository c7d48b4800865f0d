namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>
/// Vietnamese text for test scans (the first version's sample): words with every kind of diacritic, set
/// large enough that OCR at 200 dpi reads them reliably.
/// </summary>
internal static class SampleText
{
    public static IReadOnlyList<IReadOnlyList<string>> Pages { get; } =
    [
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "GIẤY XÁC NHẬN",
            "Ủy ban nhân dân phường Tràng Tiền xác nhận",
            "ông Nguyễn Văn Đức, sinh ngày 15 tháng 8 năm 1985,",
            "thường trú tại số 12 phố Hàng Bài, quận Hoàn Kiếm.",
        ],
        [
            "Giấy xác nhận này có giá trị trong sáu tháng",
            "kể từ ngày ký và được dùng để nộp hồ sơ",
            "đăng ký kinh doanh hộ gia đình.",
        ],
        ["Nơi nhận: Như trên; Lưu văn thư.", "Chủ tịch Ủy ban nhân dân phường", "Trần Thị Hương"],
    ];

    /// <summary>The lines of the n-th page of a document of sample pages (they repeat).</summary>
    public static IReadOnlyList<string> Page(int index) => Pages[index % Pages.Count];
}
