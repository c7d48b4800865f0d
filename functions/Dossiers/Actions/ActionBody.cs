using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Submission;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>
/// The body of <c>POST /api/dossiers/{code}/actions</c>: the action and the fields it needs (reasons for a refusal,
/// a stop, a send-back or a coordination request; what is missing for a supplement; the other agency for an
/// opinion; the new date for an apology; the draft result as a PDF in base64; the files of a supplement; a
/// payment's reference).
/// </summary>
public sealed record ActionBody(
    DossierAction Action,
    [property: Text(2000)] string? Reason = null,
    [property: Text(200)] string? To = null,
    IReadOnlyList<string>? Missing = null,
    DateTimeOffset? NewDate = null,
    [property: Text(20_000_000)] string? Document = null,
    IReadOnlyList<ComponentUpload>? Components = null,
    [property: Text(200)] string? Reference = null) : IValidatableObject
{
    public const int MaxMissing = 20;
    public const int MaxMissingLength = 300;
    public const int MaxComponents = 10;

    /// <summary>Bounds what the history keeps of an action, so that no body can make its entry too large to store.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Missing is { } missing && (missing.Count > MaxMissing || missing.Any(item => string.IsNullOrWhiteSpace(item) || item.Trim().Length > MaxMissingLength)))
        {
            yield return new ValidationResult($"At most {MaxMissing} items, each 1 to {MaxMissingLength} characters.", [nameof(Missing)]);
        }
        if (Components is { Count: > MaxComponents })
        {
            yield return new ValidationResult($"At most {MaxComponents} files in one action.", [nameof(Components)]);
        }
    }
}
