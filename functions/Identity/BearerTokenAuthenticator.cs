using Etransactions.Functions.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.Functions.Identity;

/// <summary>
/// Who sent a request, from its <c>Authorization: Bearer</c> JWT: signed with a key of the issuer's discovery
/// document, issued by AUTH_ISSUER for AUTH_AUDIENCE, and current on the app's clock. A token naming a key the
/// cached document lacks makes the app read the issuer's keys again (the issuer may have rotated them), at most
/// once in <see cref="IssuerMetadata.RefreshInterval"/>.
/// </summary>
public sealed partial class BearerTokenAuthenticator(
    IOptions<IdentityOptions> options,
    IConfigurationManager<OpenIdConnectConfiguration> issuerMetadata,
    TimeProvider clock,
    ILogger<BearerTokenAuthenticator> logger) : IActorAuthenticator
{
    // Asymmetric algorithms only: a key the issuer publishes is public, so it must never verify an HMAC.
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly JsonWebTokenHandler Handler = new();

    // The wait for keys read again is real time: it waits on the network, not on the app's (movable) clock.
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);

    private readonly Lock _refreshLock = new();
    private long? _lastRefresh;

    public async Task<Actor> AuthenticateAsync(HttpRequest request, CancellationToken cancellation)
    {
        var token = BearerToken.From(request);
        var configuration = await ConfigurationAsync(cancellation);
        var result = await Handler.ValidateTokenAsync(token, Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await RefreshedAsync(configuration, cancellation) is { } refreshed)
        {
            result = await Handler.ValidateTokenAsync(token, Parameters(refreshed));
        }
        if (!result.IsValid)
        {
            LogRefused(result.Exception?.GetType().Name ?? "unknown");
            throw TokenRejections.For(result.Exception ?? new SecurityTokenValidationException(), clock.GetUtcNow());
        }
        return ActorClaims.From((JsonWebToken)result.SecurityToken);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = options.Value.IssuerName,
        ValidAudience = options.Value.Audience,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        LifetimeValidator = (notBefore, expires, _, parameters) => TokenLifetime.IsCurrent(notBefore, expires, clock.GetUtcNow(), parameters.ClockSkew),
    };

    private async Task<OpenIdConnectConfiguration> ConfigurationAsync(CancellationToken cancellation)
    {
        try
        {
            return await issuerMetadata.GetConfigurationAsync(cancellation);
        }
        catch (InvalidOperationException failure)
        {
            // The issuer is unreachable or answers nonsense: the caller's token may be good, so this is no 401.
            LogMetadataUnavailable(failure, options.Value.MetadataAddress);
            throw new TransientException("The token issuer's OpenID Connect metadata could not be read.", inner: failure);
        }
    }

    /// <summary>The issuer's configuration read again, or null when it is the one held or was read again too recently.</summary>
    private async Task<OpenIdConnectConfiguration?> RefreshedAsync(OpenIdConnectConfiguration held, CancellationToken cancellation)
    {
        lock (_refreshLock)
        {
            var now = TimeProvider.System.GetTimestamp();
            if (_lastRefresh is { } last && TimeProvider.System.GetElapsedTime(last, now) < IssuerMetadata.RefreshInterval)
            {
                return null;
            }
            _lastRefresh = now;
        }
        LogRefreshing();
        issuerMetadata.RequestRefresh();
        // IdentityModel 8 reads the document again in the background; the held one is answered until it has.
        var waited = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(waited) < RefreshWait)
        {
            var current = await ConfigurationAsync(cancellation);
            if (!ReferenceEquals(current, held))
            {
                return current;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellation);
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer token refused: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A bearer token names a key not in the issuer's cached keys; reading them again")]
    private partial void LogRefreshing();

    [LoggerMessage(Level = LogLevel.Error, Message = "The token issuer's metadata at {Address} could not be read")]
    private partial void LogMetadataUnavailable(Exception failure, Uri address);
}
