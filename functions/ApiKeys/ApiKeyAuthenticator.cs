using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.ApiKeys;

/// <summary>
/// Who sent a request, from its <c>x-api-key</c> header: the regulator (setting REGULATOR_API_KEY), or an
/// agency or platform whose key's hash is stored and not revoked. Every comparison is of SHA-256 digests in
/// constant time, and a miss costs about what a hit does.
/// </summary>
public sealed class ApiKeyAuthenticator(IOptions<ApiKeyOptions> options, ApiKeyStore store)
{
    public const string Header = "x-api-key";
    private static readonly byte[] Nothing = ApiKey.Hash("no key");

    public async Task<Caller> AuthenticateAsync(HttpRequest request, CancellationToken cancellation)
    {
        var presented = request.Headers[Header].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(presented))
        {
            throw new UnauthorizedException("Gửi khóa API trong tiêu đề x-api-key / Send your API key in the x-api-key header.");
        }
        var hash = ApiKey.Hash(presented);
        if (ApiKey.SameHash(hash, ApiKey.Hash(options.Value.RegulatorKey)))
        {
            return new Caller.Regulator();
        }
        var claimed = ApiKey.Claimed(presented);
        var stored = claimed is { } owner ? await store.ActiveHashesAsync(owner.Prefix, owner.Owner, cancellation) : [];
        var match = false;
        foreach (var candidate in stored.DefaultIfEmpty(Nothing))
        {
            match |= ApiKey.SameHash(hash, candidate) && stored.Count > 0;
        }
        return (match, claimed) switch
        {
            (true, { Prefix: ApiKey.AgencyPrefix } agency) => new Caller.Agency(agency.Owner),
            (true, { Prefix: ApiKey.PlatformPrefix } platform) => new Caller.Platform(platform.Owner),
            _ => throw new UnauthorizedException("Khóa API không hợp lệ / The API key is not valid."),
        };
    }
}
