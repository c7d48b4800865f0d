using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Etransactions.Functions.Conversion.Requests;

/// <summary>
/// The full name of the agency, organisation or person who converts (Art. 4.1.a), normalised once where
/// the upload's metadata is read: NFC, runs of white space made one space, trimmed, at most 300 characters,
/// no control characters (they would break the symbol block and the QR payload).
/// </summary>
public readonly partial record struct ConverterName
{
    public const int MaxLength = 300;

    private ConverterName(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <exception cref="ScanRejectedException">missing-converter or bad-converter.</exception>
    public static ConverterName From(string? decoded)
    {
        var value = WhiteSpace().Replace((decoded ?? "").Normalize(NormalizationForm.FormC), " ").Trim();
        if (value.Length == 0)
        {
            throw new ScanRejectedException(
                "missing-converter",
                "Thiếu metadata \"converter\": họ tên đầy đủ của cơ quan, tổ chức hoặc cá nhân thực hiện chuyển đổi (Điều 4.1.a).",
                "The metadata \"converter\" is missing or empty: the full name of the agency, organisation or person converting (Art. 4.1.a).");
        }
        if (value.Length > MaxLength || value.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Control))
        {
            throw new ScanRejectedException(
                "bad-converter",
                $"Metadata \"converter\" dài quá {MaxLength} ký tự hoặc chứa ký tự điều khiển.",
                $"The metadata \"converter\" is over {MaxLength} characters or holds control characters.");
        }
        return new ConverterName(value);
    }

    // White space other than a plain space (tabs, line breaks) is not a control character for this test
    // once collapsed; other control characters stay and are refused.
    [GeneratedRegex(@"[ \t\r\n\f\v\u00A0\u2000-\u200A\u2028\u2029\u3000]+")]
    private static partial Regex WhiteSpace();
}
