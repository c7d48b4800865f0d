using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;

namespace Etransactions.UnitTests.Support;

/// <summary>
/// Who sent a request, for function tests: the header <c>x-test-actor: subject;role,role</c> stands for a
/// bearer token; without it the request is unauthenticated (401), as without a token.
/// </summary>
internal sealed class HeaderActorAuthenticator : IActorAuthenticator
{
    public const string Header = "x-test-actor";

    public Task<Actor> AuthenticateAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.Headers[Header].ToString() is not { Length: > 0 } value)
        {
            throw new UnauthorizedException("Send a bearer token.");
        }
        var parts = value.Split(';');
        var roles = parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
        return Task.FromResult(new Actor(parts[0], parts[0], roles.ToHashSet(StringComparer.Ordinal), null));
    }

    public static string Value(string subject, params string[] roles) => $"{subject};{string.Join(',', roles)}";
}
