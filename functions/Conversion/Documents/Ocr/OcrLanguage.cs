using System.Text.RegularExpressions;

namespace Etransactions.Functions.Conversion.Documents.Ocr;

/// <summary>OCR languages as tesseract names them: three-letter codes joined by "+", e.g. "vie+eng".</summary>
public static partial class OcrLanguage
{
    /// <summary>What an upload asks for when it names no language.</summary>
    public const string Default = "vie+eng";

    public static bool IsValid(string? language) => language is not null && Pattern().IsMatch(language);

    /// <summary>The codes of a valid language, in order: "vie+eng" is vie, eng.</summary>
    public static IReadOnlyList<string> Codes(string language) =>
        IsValid(language)
            ? language.Split('+')
            : throw new ArgumentException($"OCR language \"{language}\" is not valid: three-letter codes joined by +, e.g. vie+eng", nameof(language));

    // A code may carry a script or variant suffix, as tesseract's own models do (chi_sim); \z, not $, which
    // would let a trailing newline through.
    [GeneratedRegex("^[a-z]{3}(?:_[a-z]+)?(?:\\+[a-z]{3}(?:_[a-z]+)?)*\\z")]
    private static partial Regex Pattern();
}
