using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Identity;

/// <summary>
/// Who issues the bearer tokens the app accepts: an OpenID Connect provider (Entra ID, VNeID), whose keys are
/// read from <c>{issuer}/.well-known/openid-configuration</c>, and the audience its tokens must name.
/// </summary>
public sealed class IdentityOptions : IValidatableObject
{
    /// <summary>The issuer exactly as its tokens write it in <c>iss</c>, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    [ConfigurationKeyName("AUTH_ISSUER")]
    [Required]
    public Uri? Issuer { get; set; }

    /// <summary>What the tokens must carry in <c>aud</c>: the app's client id or its application id URI.</summary>
    [ConfigurationKeyName("AUTH_AUDIENCE")]
    [Required(AllowEmptyStrings = false)]
    public string Audience { get; set; } = "";

    /// <summary>The issuer as written, the string <c>iss</c> is compared with.</summary>
    public string IssuerName => Issuer?.OriginalString ?? "";

    /// <summary>OpenID Connect Discovery 1.0 §4: the issuer, without a trailing slash, then the well-known path.</summary>
    public Uri MetadataAddress => new($"{IssuerName.TrimEnd('/')}/.well-known/openid-configuration");

    /// <summary>Plain http is allowed only to this machine (the local host's provider).</summary>
    public bool RequiresHttps => Issuer is not { IsLoopback: true };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Issuer is not { } issuer)
        {
            yield break;
        }
        // The keys that decide who may act come from this address: a network in between must not choose them.
        if (issuer.Scheme != Uri.UriSchemeHttps && !(issuer.Scheme == Uri.UriSchemeHttp && issuer.IsLoopback))
        {
            yield return new("must be an https:// URL (http only to a loopback address)", [nameof(Issuer)]);
        }
        else if (issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            yield return new("must have no query or fragment", [nameof(Issuer)]);
        }
    }
}
