namespace Etransactions.TestSupport.Scans;

/// <summary>
/// The Vietnamese text every test scan is made from: words with every kind of diacritic, set at 16 pt so
/// that OCR at 200 dpi reads them reliably. A scan of n pages cycles through <see cref="Pages"/>; all text is NFC.
/// </summary>
public static class SampleText
{
    /// <summary>The lines of each page of paper, in order.</summary>
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

    /// <summary>The lines of the first page: what a one-page scan (PNG, JPEG) shows.</summary>
    public static IReadOnlyList<string> Lines => Pages[0];

    /// <summary>Words that OCR of each page above should return, one list a page.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Words { get; } =
    [
        ["CỘNG", "NGHĨA", "Hạnh", "phúc", "Nguyễn", "Đức", "thường", "Kiếm"],
        ["Giấy", "tháng", "đăng", "đình"],
        ["Nơi", "nhận", "Hương"],
    ];

    /// <summary>The lines of page <paramref name="index"/> (from 0) of a scan of any length.</summary>
    public static IReadOnlyList<string> PageLines(int index) => Pages[index % Pages.Count];

    /// <summary>The words OCR should find on page <paramref name="index"/> (from 0) of a scan of any length.</summary>
    public static IReadOnlyList<string> PageWords(int index) => Words[index % Words.Count];

    /// <summary>The paper of a scan of <paramref name="pageCount"/> pages.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paper(int pageCount) =>
        Enumerable.Range(0, pageCount).Select(PageLines).ToList();
}
