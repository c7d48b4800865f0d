namespace Etransactions.Functions.Identity;

/// <summary>
/// Who sent a request, from its bearer token: the token's subject, display name, roles and agency. Applicants
/// carry no agency; officers carry the code of the agency they work for (<c>000.00.00.H26</c>).
/// </summary>
public sealed record Actor(string Subject, string Name, IReadOnlySet<string> Roles, string? Agency)
{
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>True when the actor works for the agency (codes compare without case).</summary>
    public bool WorksFor(string agency) => Agency is { } own && own.Equals(agency, StringComparison.OrdinalIgnoreCase);
}
