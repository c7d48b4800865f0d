using System.Globalization;
using System.Text;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>One line of the symbol block, before it is wrapped to the page.</summary>
internal sealed record SymbolLine(string Text, double Size);

/// <summary>The five lines of the distinct symbol block (Art. 4.1.a), Vietnamese first, as the first version of the app shows them.</summary>
internal static class SymbolLines
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static IReadOnlyList<SymbolLine> Of(SymbolBlock symbol) =>
    [
        new(Nfc(symbol.SymbolVi).ToUpperInvariant(), 9),
        new(Nfc(symbol.SymbolEn), 8),
        new($"Thời điểm chuyển đổi / Time of conversion: {VietnamTime(symbol.ConvertedAt)} (UTC+07:00)", 7.5),
        new($"Cơ quan, tổ chức, cá nhân chuyển đổi / Converted by: {Nfc(symbol.Converter)}", 7.5),
        new($"Mã tra cứu / Lookup code: {symbol.LookupCode}", 7.5),
    ];

    /// <summary>"14/03/2025 16:05:09": Vietnam keeps UTC+7 all year, so a fixed offset needs no time-zone data.</summary>
    public static string VietnamTime(DateTimeOffset instant) =>
        instant.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
