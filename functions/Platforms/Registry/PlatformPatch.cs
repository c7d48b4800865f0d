using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary>The body of <c>PATCH /api/platforms/{id}</c>: only the fields to change, at least one.</summary>
public sealed record PlatformPatch(
    [Text(200)] string? Name = null,
    AdministratorPatch? Administrator = null,
    [Website] string? Website = null,
    bool? Intermediary = null,
    DateOnly? OperatingSince = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Name is null && Administrator is null && Website is null && Intermediary is null && OperatingSince is null)
        {
            yield return new ValidationResult("Send at least one field to change.");
        }
    }

    /// <summary>The platform with this change applied (text fields trimmed); everything else as it was.</summary>
    public PlatformRecord ApplyTo(PlatformRecord before)
    {
        var administrator = before.Administrator;
        var focalPoint = administrator.FocalPoint;
        var focalPatch = Administrator?.FocalPoint;
        return before with
        {
            Name = Name?.Trim() ?? before.Name,
            Administrator = new Administrator(
                Administrator?.Name?.Trim() ?? administrator.Name,
                Administrator?.Country?.Trim() ?? administrator.Country,
                new FocalPoint(
                    focalPatch?.Name?.Trim() ?? focalPoint.Name,
                    focalPatch?.Email?.Trim() ?? focalPoint.Email,
                    focalPatch?.Phone?.Trim() ?? focalPoint.Phone,
                    focalPatch?.Address?.Trim() ?? focalPoint.Address)),
            Website = Website?.Trim() ?? before.Website,
            Intermediary = Intermediary ?? before.Intermediary,
            OperatingSince = OperatingSince ?? before.OperatingSince,
        };
    }
}

public sealed record AdministratorPatch([Text(300)] string? Name = null, [Text(100)] string? Country = null, FocalPointPatch? FocalPoint = null);

public sealed record FocalPointPatch(
    [Text(200)] string? Name = null,
    [EmailAddress(ErrorMessage = "Not an e-mail address."), MaxLength(254, ErrorMessage = "At most 254 characters.")] string? Email = null,
    [Telephone] string? Phone = null,
    [Text(500)] string? Address = null);
