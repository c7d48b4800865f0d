using System.Globalization;
using System.Text;

namespace Etransactions.Functions.Conversion.Messages;

/// <summary>
/// The text of the QR code of a data message converted from a paper document, format <c>DM137/1</c>
/// (QR-PAYLOAD.md beside this file): a version line, then one <c>key=value</c> a line, UTF-8, NFC, LF.
/// </summary>
/// <param name="Code">The lookup code as shown (C).</param>
/// <param name="ConvertedAt">The time of conversion (T), kept in UTC to the second.</param>
/// <param name="Converter">The full name of who converted it (N).</param>
/// <param name="Symbol">The distinct symbol, in Vietnamese (S).</param>
/// <param name="VerifyUrl">Where a reader checks it (U).</param>
public sealed record QrPayload(string Code, DateTimeOffset ConvertedAt, string Converter, string Symbol, string VerifyUrl)
{
    public const string Header = "DM137/1";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private static readonly string[] Keys = ["C", "T", "N", "S", "U"];

    /// <exception cref="InvalidQrPayloadException">A field is empty or holds a line break.</exception>
    public string Encode() => string.Join('\n',
        Header,
        $"C={Clean("C", Code)}",
        $"T={ConvertedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}",
        $"N={Clean("N", Converter)}",
        $"S={Clean("S", Symbol)}",
        $"U={Clean("U", VerifyUrl)}");

    /// <summary>Reads a payload: lines in any order, unknown keys ignored, another version refused.</summary>
    /// <exception cref="InvalidQrPayloadException">Not a version 1 payload, or a field missing or malformed.</exception>
    public static QrPayload Decode(string text)
    {
        var lines = text.Normalize(NormalizationForm.FormC).Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var header = lines.FirstOrDefault()?.Trim() ?? "";
        if (!header.StartsWith("DM137/", StringComparison.Ordinal))
        {
            throw new InvalidQrPayloadException("Not a data message QR payload (no DM137 header)");
        }
        if (header != Header)
        {
            throw new InvalidQrPayloadException($"QR payload version {header["DM137/".Length..]} is not supported");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at > 0)
            {
                fields[line[..at]] = line[(at + 1)..].Trim();
            }
        }
        var missing = Keys.Where(key => string.IsNullOrEmpty(fields.GetValueOrDefault(key))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidQrPayloadException($"QR payload lacks {string.Join(", ", missing)}");
        }
        if (!DateTime.TryParseExact(fields["T"], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new InvalidQrPayloadException($"QR payload time \"{fields["T"]}\" is not UTC ISO-8601");
        }
        return new QrPayload(fields["C"], new DateTimeOffset(time, TimeSpan.Zero), fields["N"], fields["S"], fields["U"]);
    }

    private static string Clean(string field, string value)
    {
        var text = value.Normalize(NormalizationForm.FormC).Trim();
        if (text.Length == 0)
        {
            throw new InvalidQrPayloadException($"QR payload field {field} is empty");
        }
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            throw new InvalidQrPayloadException($"QR payload field {field} contains a line break");
        }
        return text;
    }
}

public sealed class InvalidQrPayloadException(string message) : Exception(message);
