namespace Etransactions.Functions.Conversion.Requests;

/// <summary>
/// What an upload asks for, read from its blob metadata (percent-encoded UTF-8, since blob metadata is ASCII):
/// <c>converter</c> (required), <c>purpose</c>, <c>sign</c>, <c>qr</c>, <c>language</c>.
/// </summary>
/// <param name="Sign">Signed because asked (<c>sign=true</c>) or because the purpose requires it.</param>
public sealed record ConversionRequest(ConverterName Converter, string Purpose, bool Sign, bool SignRequiredByPurpose, bool Qr, string Language)
{
    public const string DefaultLanguage = "vie+eng";
    public static readonly IReadOnlyList<string> Purposes = ["general", "administrative-procedure", "certification"];

    /// <summary>
    /// Purposes whose conversion must carry legal value and so a digital signature (Art. 4.2.dd, which points
    /// to Law on E-Transactions Art. 12.1.d): results of administrative procedures (Art. 4.1.c, Art. 8) and
    /// notarisation and certification copies (Art. 4.1.b).
    /// </summary>
    public static readonly IReadOnlyList<string> PurposesRequiringSignature = ["administrative-procedure", "certification"];

    /// <summary>OCR languages the app ships models for.</summary>
    public static readonly IReadOnlyList<string> Languages = ["vie", "eng"];

    /// <exception cref="ScanRejectedException">With the code and reason of the first value at fault.</exception>
    public static ConversionRequest FromMetadata(IDictionary<string, string> metadata)
    {
        var values = new BlobMetadata(metadata);
        var converter = ConverterName.From(values.Decoded("converter"));
        var purpose = values.Decoded("purpose")?.Trim() is { Length: > 0 } given ? given : "general";
        if (!Purposes.Contains(purpose))
        {
            var list = string.Join(", ", Purposes);
            throw new ScanRejectedException("bad-purpose", $"Mục đích \"{purpose}\" không hợp lệ; dùng {list}.", $"The purpose \"{purpose}\" is not valid; use {list}.");
        }
        var language = values.Decoded("language")?.Trim() is { Length: > 0 } asked ? asked : DefaultLanguage;
        var parts = language.Split('+');
        if (parts.Any(part => !Languages.Contains(part)) || parts.Distinct().Count() != parts.Length)
        {
            var list = string.Join(", ", Languages);
            throw new ScanRejectedException(
                "bad-language",
                $"Ngôn ngữ nhận dạng \"{language}\" không hợp lệ; dùng {list} nối bằng \"+\", ví dụ {DefaultLanguage}.",
                $"The OCR language \"{language}\" is not valid; use {list} joined by \"+\", e.g. {DefaultLanguage}.");
        }
        var required = PurposesRequiringSignature.Contains(purpose);
        return new ConversionRequest(converter, purpose, values.Flag("sign", false) || required, required, values.Flag("qr", true), language);
    }
}
