using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Etransactions.Functions.Identity;

/// <summary>
/// The actor a validated token names: <c>sub</c> (required), <c>name</c> (the subject when absent), <c>roles</c>
/// (a JSON array or one string; roles the app does not know are left out) and <c>agency</c> (an agency code).
/// </summary>
public static class ActorClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Roles = "roles";
    public const string Agency = "agency";

    public static Actor From(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<string>(Subject, out var subject) || string.IsNullOrWhiteSpace(subject))
        {
            throw BearerChallenge.InvalidToken("Mã truy cập không nêu chủ thể (sub) / The access token names no subject (sub).");
        }
        var name = token.TryGetPayloadValue<string>(Name, out var given) && !string.IsNullOrWhiteSpace(given) ? given.Trim() : subject;
        // The handler gives one claim per element of an array, and one for a single string.
        var roles = token.Claims.Where(claim => claim.Type == Roles).Select(claim => claim.Value).Where(Identity.Roles.All.Contains).ToHashSet(StringComparer.Ordinal);
        return new Actor(subject, name, roles, AgencyOf(token));
    }

    private static string? AgencyOf(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<object>(Agency, out var value) || value is null)
        {
            return null;
        }
        if (value is not string agency || (agency.Length > 0 && !AgencyCode.IsValid(agency)))
        {
            // The agency decides whose dossiers an officer may touch: a value that is no agency code is refused, not dropped.
            throw BearerChallenge.InvalidToken("Mã truy cập nêu cơ quan không hợp lệ (agency) / The access token's agency is not an agency code.");
        }
        return agency.Length == 0 ? null : agency;
    }
}
