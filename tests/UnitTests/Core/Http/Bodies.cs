using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Etransactions.UnitTests.Core.Http;

// Bodies shaped like the platforms API's, with each way of declaring a rule.

internal sealed record Registration(
    [Required(ErrorMessage = "Required, not empty."), MaxLength(200, ErrorMessage = "At most 200 characters.")] string Name,
    Administrator Administrator,
    bool Intermediary,
    DateOnly OperatingSince,
    Uri? Website = null);

internal sealed record Administrator(
    [Required(ErrorMessage = "Required, not empty.")] string Name,
    FocalPoint FocalPoint);

internal sealed record FocalPoint(
    [EmailAddress(ErrorMessage = "Not an e-mail address.")] string Email,
    string? Phone = null);

internal sealed class Statistics
{
    [MaxLength(60, ErrorMessage = "At most 60 months.")]
    public required List<MonthlyUsers> Months { get; init; }

    public Decision? Decision { get; init; }

    public string? Reason { get; init; }
}

internal sealed record MonthlyUsers(
    [RegularExpression(@"^\d{4}-(0[1-9]|1[0-2])$", ErrorMessage = "A month as YYYY-MM.")] string Month,
    [Range(0, 10_000_000_000, ErrorMessage = "Not a number of users.")] long ActiveUsers);

internal enum Decision
{
    Accept,
    Return,
}

/// <summary>A rule over two fields, reported at the field it names.</summary>
internal sealed record Review(Decision Decision, string? Reason = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Decision == Decision.Return && string.IsNullOrWhiteSpace(Reason))
        {
            yield return new("A returned report needs a reason.", [nameof(Reason)]);
        }
    }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
internal sealed record Lenient(string Name);
