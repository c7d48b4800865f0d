using System.Globalization;
using System.Text.RegularExpressions;
using Etransactions.Functions.Conversion.Requests;

namespace Etransactions.Functions.Conversion.Electronic;

/// <summary>What an electronic document's upload says of it, from its percent-encoded metadata: <c>title</c> and <c>issuer</c>, both required.</summary>
public sealed partial record DocumentRequest(string Title, string Issuer)
{
    public const int MaxLength = 300;

    /// <exception cref="ScanRejectedException">missing-title, missing-issuer, bad-title, bad-issuer or bad-metadata-encoding.</exception>
    public static DocumentRequest FromMetadata(IDictionary<string, string> metadata)
    {
        var values = new BlobMetadata(metadata);
        return new DocumentRequest(
            Text(values, "title", "tên tài liệu", "the document's title"),
            Text(values, "issuer", "cơ quan ban hành", "the issuing agency"));
    }

    private static string Text(BlobMetadata values, string key, string vi, string en)
    {
        var value = Spaces().Replace(values.Decoded(key) ?? "", " ").Trim();
        if (value.Length == 0)
        {
            throw new ScanRejectedException($"missing-{key}", $"Thiếu metadata \"{key}\": {vi}.", $"The metadata \"{key}\" is missing or empty: {en}.");
        }
        if (value.Length > MaxLength || value.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Control))
        {
            throw new ScanRejectedException(
                $"bad-{key}",
                $"Metadata \"{key}\" dài quá {MaxLength} ký tự hoặc chứa ký tự điều khiển.",
                $"The metadata \"{key}\" is over {MaxLength} characters or holds control characters.");
        }
        return value;
    }

    [GeneratedRegex(@"[ \t\r\n\f\v\u00A0\u2000-\u200A\u2028\u2029\u3000]+")]
    private static partial Regex Spaces();
}
