using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary>The body of <c>POST /api/platforms</c>.</summary>
/// <param name="Intermediary">An intermediary platform whose administrator is independent of the transacting parties (Art. 18.1).</param>
public sealed record PlatformRegistration(
    [Text(200)] string Name,
    Administrator Administrator,
    [Website] string Website,
    bool Intermediary,
    DateOnly OperatingSince)
{
    /// <summary>The text fields without the spaces around them.</summary>
    public PlatformRegistration Trimmed() => this with
    {
        Name = Name.Trim(),
        Administrator = Administrator with
        {
            Name = Administrator.Name.Trim(),
            Country = Administrator.Country.Trim(),
            FocalPoint = Administrator.FocalPoint.Trimmed(),
        },
        Website = Website.Trim(),
    };
}

/// <summary>The organisation or person that administers the platform.</summary>
/// <param name="FocalPoint">The contact focal point in Vietnam (Art. 19.1.b).</param>
public sealed record Administrator([Text(300)] string Name, [Text(100)] string Country, FocalPoint FocalPoint);

public sealed record FocalPoint(
    [Text(200)] string Name,
    [EmailAddress(ErrorMessage = "Not an e-mail address."), MaxLength(254, ErrorMessage = "At most 254 characters.")] string Email,
    [Telephone] string Phone,
    [Text(500)] string Address)
{
    public FocalPoint Trimmed() => new(Name.Trim(), Email.Trim(), Phone.Trim(), Address.Trim());
}
