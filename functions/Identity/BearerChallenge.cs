using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Identity;

/// <summary>The 401s of bearer tokens, with the challenge RFC 6750 §3 asks for.</summary>
public static class BearerChallenge
{
    public const string Scheme = "Bearer";

    /// <summary>No token was sent: the challenge names the scheme only.</summary>
    public static UnauthorizedException Missing(string detail) => new(detail) { Challenge = Scheme };

    /// <summary>A token was sent and is refused.</summary>
    public static UnauthorizedException InvalidToken(string detail, Exception? cause = null) =>
        new(detail, cause) { Challenge = $"{Scheme} error=\"invalid_token\"" };
}
