using System.Globalization;
using System.Text;

namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary>
/// The text of the QR code printed top left on page 1 of a paper copy (Circular 01/2023/TT-VPCP Art. 26: the
/// code, the system, the document's name, the time of issue), format <c>PC137/1</c>: a version line, then one
/// <c>key=value</c> a line, UTF-8, NFC, LF. C the lookup code, Y the information system, D the document's
/// title, T the time of issue (UTC, to the second), R the copy's number in the register, U where it is checked.
/// </summary>
public sealed record PaperCopyQr(string Code, string System, string Title, DateTimeOffset IssuedAt, string Number, string VerifyUrl)
{
    public const string Header = "PC137/1";

    public string Encode() => string.Join('\n',
        Header,
        $"C={Line(Code)}",
        $"Y={Line(System)}",
        $"D={Line(Title)}",
        $"T={IssuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}",
        $"R={Line(Number)}",
        $"U={Line(VerifyUrl)}");

    /// <summary>One line of text: NFC, line breaks made spaces, trimmed.</summary>
    private static string Line(string value) => value.Normalize(NormalizationForm.FormC).ReplaceLineEndings(" ").Trim();
}
