using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Etransactions.Functions.Core.Http;

/// <summary>
/// A text field of a body: not blank, and at most <see cref="MaxLength"/> characters. A missing or null
/// value is left to the JSON shape (required, nullable), so the attribute also serves optional fields.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class TextAttribute(int maxLength) : ValidationAttribute
{
    public int MaxLength { get; } = maxLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => value switch
    {
        string text when string.IsNullOrWhiteSpace(text) => new ValidationResult("Required, not empty."),
        string text when text.Trim().Length > MaxLength =>
            new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"At most {MaxLength} characters.")),
        _ => ValidationResult.Success,
    };
}
