using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Etransactions.Functions.Identity;

/// <summary>
/// The issuer's OpenID Connect configuration and signing keys, by discovery: cached by IdentityModel's
/// ConfigurationManager (read again every 12 hours, and on request when a token names a key it does not hold).
/// </summary>
public static class IssuerMetadata
{
    /// <summary>How often an unknown key id may make the app ask the issuer again; IdentityModel's default.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    // One client for the app's life; connections are renewed so a move of the issuer's address is followed.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    public static IConfigurationManager<OpenIdConnectConfiguration> Create(IdentityOptions options) =>
        new ConfigurationManager<OpenIdConnectConfiguration>(
            options.MetadataAddress.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(Client) { RequireHttps = options.RequiresHttps })
        {
            RefreshInterval = RefreshInterval,
        };
}
