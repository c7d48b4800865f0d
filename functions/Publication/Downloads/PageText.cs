using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Publication.Versions;

namespace Etransactions.Functions.Publication.Downloads;

/// <summary>The words of the list's page in one language.</summary>
public sealed record PageText
{
    public static readonly PageText Vietnamese = new()
    {
        Title = ListDocument.LargePlatformsTitle.Vi,
        LegalBasis = "Công bố theo điểm b khoản 4 Điều 18 Nghị định 137/2024/NĐ-CP",
        SkipToList = "Bỏ qua, đến danh sách",
        LanguageNavigation = "Ngôn ngữ",
        ThisVersion = "Phiên bản này",
        Version = "Phiên bản",
        LatestMark = "mới nhất",
        NotLatest = "Đây không phải phiên bản mới nhất. Xem phiên bản mới nhất",
        PublishedAt = "Thời điểm công bố",
        PlatformCount = "Số nền tảng",
        SignedBy = "Ký số bởi",
        ListHeading = "Danh sách",
        Caption = "Nền tảng số trung gian quy mô lớn và quy mô rất lớn, quy mô rất lớn trước, rồi theo số người dùng",
        Empty = "Hiện không có nền tảng số trung gian nào được xác định là quy mô lớn hoặc quy mô rất lớn.",
        Number = "STT",
        Platform = "Nền tảng",
        Administrator = "Tổ chức quản lý",
        Scale = "Quy mô",
        Users = "Người dùng hoạt động trung bình tháng (12 tháng)",
        Share = "Tỷ lệ so với dân số",
        Population = "Dân số dùng để tính",
        Cycle = "Kỳ xác định",
        DeterminedOn = "Ngày xác định",
        Large = "Lớn",
        ParticularlyLarge = "Rất lớn",
        PopulationOf = "năm",
        Downloads = "Tải về",
        JsonFile = "Danh sách (JSON)",
        CsvFile = "Danh sách (CSV, mở được bằng Excel)",
        SignatureFile = "Chữ ký số của tệp JSON (CMS, .p7s)",
        VersionsFile = "Lịch sử các phiên bản (JSON)",
        Verify = "Kiểm tra tệp JSON chưa bị thay đổi và do ai ký:",
        VerifyCsv = "Tệp JSON ghi mã SHA-256 của tệp CSV, nên chữ ký cũng bảo đảm cho tệp CSV.",
        Changes = "Thay đổi so với phiên bản trước",
        FirstVersion = "Phiên bản đầu tiên.",
        NoChanges = "Không có thay đổi về nền tảng hay quy mô.",
        Added = "Thêm vào",
        Removed = "Đưa ra khỏi danh sách",
        ScaleChanged = "Thay đổi quy mô",
        History = "Lịch sử các phiên bản",
        VietnamTime = "(giờ Việt Nam)",
        Bytes = "byte",
    };

    public static readonly PageText English = new()
    {
        Title = ListDocument.LargePlatformsTitle.En,
        LegalBasis = "Published under Article 18.4.b of Decree 137/2024/ND-CP",
        SkipToList = "Skip to the list",
        LanguageNavigation = "Language",
        ThisVersion = "This version",
        Version = "Version",
        LatestMark = "latest",
        NotLatest = "This is not the latest version. See the latest version",
        PublishedAt = "Published at",
        PlatformCount = "Platforms",
        SignedBy = "Digitally signed by",
        ListHeading = "The list",
        Caption = "Large-scale and particularly large-scale intermediary digital platforms, particularly large first, then by users",
        Empty = "No intermediary digital platform is currently determined to be large-scale or particularly large-scale.",
        Number = "No.",
        Platform = "Platform",
        Administrator = "Administrator",
        Scale = "Scale",
        Users = "Average monthly active users (12 months)",
        Share = "Share of the population",
        Population = "Population figure used",
        Cycle = "Cycle",
        DeterminedOn = "Determined on",
        Large = "Large",
        ParticularlyLarge = "Particularly large",
        PopulationOf = "year",
        Downloads = "Downloads",
        JsonFile = "The list (JSON)",
        CsvFile = "The list (CSV, opens in Excel)",
        SignatureFile = "Digital signature of the JSON file (CMS, .p7s)",
        VersionsFile = "History of versions (JSON)",
        Verify = "To check that the JSON file is unchanged and who signed it:",
        VerifyCsv = "The JSON file records the SHA-256 of the CSV file, so the signature vouches for the CSV too.",
        Changes = "Changes since the previous version",
        FirstVersion = "The first version.",
        NoChanges = "No platform or scale changed.",
        Added = "Added",
        Removed = "Removed from the list",
        ScaleChanged = "Scale changed",
        History = "History of versions",
        VietnamTime = "(Vietnam time)",
        Bytes = "bytes",
    };

    public required string Title { get; init; }
    public required string LegalBasis { get; init; }
    public required string SkipToList { get; init; }
    public required string LanguageNavigation { get; init; }
    public required string ThisVersion { get; init; }
    public required string Version { get; init; }
    public required string LatestMark { get; init; }
    public required string NotLatest { get; init; }
    public required string PublishedAt { get; init; }
    public required string PlatformCount { get; init; }
    public required string SignedBy { get; init; }
    public required string ListHeading { get; init; }
    public required string Caption { get; init; }
    public required string Empty { get; init; }
    public required string Number { get; init; }
    public required string Platform { get; init; }
    public required string Administrator { get; init; }
    public required string Scale { get; init; }
    public required string Users { get; init; }
    public required string Share { get; init; }
    public required string Population { get; init; }
    public required string Cycle { get; init; }
    public required string DeterminedOn { get; init; }
    public required string Large { get; init; }
    public required string ParticularlyLarge { get; init; }
    public required string PopulationOf { get; init; }
    public required string Downloads { get; init; }
    public required string JsonFile { get; init; }
    public required string CsvFile { get; init; }
    public required string SignatureFile { get; init; }
    public required string VersionsFile { get; init; }
    public required string Verify { get; init; }
    public required string VerifyCsv { get; init; }
    public required string Changes { get; init; }
    public required string FirstVersion { get; init; }
    public required string NoChanges { get; init; }
    public required string Added { get; init; }
    public required string Removed { get; init; }
    public required string ScaleChanged { get; init; }
    public required string History { get; init; }
    public required string VietnamTime { get; init; }
    public required string Bytes { get; init; }

    public string ScaleName(Scale scale) => scale == Platforms.Domain.Scale.ParticularlyLarge ? ParticularlyLarge : Large;
}
