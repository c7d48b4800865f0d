using Microsoft.AspNetCore.Http;

namespace Etransactions.Functions.Identity;

/// <summary>Reads who sent a request from its <c>Authorization: Bearer</c> token; 401 (UnauthorizedException) when there is none or it is not valid.</summary>
public interface IActorAuthenticator
{
    Task<Actor> AuthenticateAsync(HttpRequest request, CancellationToken cancellation);
}
