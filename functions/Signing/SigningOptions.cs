using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Signing;

/// <summary>
/// Which key signs data messages: Key Vault's certificate in Azure (SIGNING_KEY_VAULT_URI and
/// SIGNING_CERTIFICATE_NAME); off Azure a PKCS#12 file (SIGNING_PKCS12_PATH, SIGNING_PKCS12_PASSWORD) or,
/// with neither set, a development certificate made at first use. On Azure a signature must be real, so
/// the two local kinds are refused there.
/// </summary>
public sealed partial class SigningOptions : IValidatableObject
{
    /// <summary>Set by the platform on every App Service and Functions app: how the app knows it runs on Azure.</summary>
    public const string AzureMarker = "WEBSITE_SITE_NAME";

    [ConfigurationKeyName("SIGNING_KEY_VAULT_URI")]
    public Uri? KeyVaultUri { get; set; }

    [ConfigurationKeyName("SIGNING_CERTIFICATE_NAME")]
    public string? CertificateName { get; set; }

    [ConfigurationKeyName("SIGNING_PKCS12_PATH")]
    public string? Pkcs12Path { get; set; }

    [ConfigurationKeyName("SIGNING_PKCS12_PASSWORD")]
    public string? Pkcs12Password { get; set; }

    /// <summary>Whether <see cref="AzureMarker"/> is set; not an app setting of ours, so not bound by name.</summary>
    public bool OnAzure { get; set; }

    public SigningKind Kind =>
        KeyVaultUri is not null ? SigningKind.KeyVault
        : Pkcs12Path is not null ? SigningKind.Pkcs12File
        : SigningKind.Development;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyVaultUri is not null)
        {
            if (KeyVaultUri.Scheme != Uri.UriSchemeHttps || KeyVaultUri.AbsolutePath != "/" || KeyVaultUri.Query.Length > 0)
            {
                yield return new("must be the vault's https address alone, such as https://kv-etx.vault.azure.net", [nameof(KeyVaultUri)]);
            }

            if (CertificateName is null)
            {
                yield return new("is missing: it names the signing certificate in SIGNING_KEY_VAULT_URI", [nameof(CertificateName)]);
            }

            if (Pkcs12Path is not null)
            {
                yield return new("is set, and so is SIGNING_KEY_VAULT_URI: set one, the vault in Azure or the file elsewhere", [nameof(Pkcs12Path)]);
            }
        }
        else if (CertificateName is not null)
        {
            yield return new("is set without SIGNING_KEY_VAULT_URI, the vault that holds it", [nameof(CertificateName)]);
        }

        if (CertificateName is not null && !CertificateNamePattern().IsMatch(CertificateName))
        {
            yield return new("must be a Key Vault certificate name: 1-127 letters, digits and hyphens", [nameof(CertificateName)]);
        }

        if (Pkcs12Password is not null && Pkcs12Path is null)
        {
            yield return new("is set without SIGNING_PKCS12_PATH, the file it opens", [nameof(Pkcs12Password)]);
        }

        if (OnAzure && KeyVaultUri is null)
        {
            yield return Pkcs12Path is not null
                ? new("is refused on Azure, where the signing key stays in Key Vault: set SIGNING_KEY_VAULT_URI instead", [nameof(Pkcs12Path)])
                : new("is missing: on Azure data messages are signed with the Key Vault certificate, never a development one", [nameof(KeyVaultUri)]);
        }
        else if (Kind == SigningKind.Pkcs12File && Pkcs12Problem() is { } problem)
        {
            yield return problem;
        }
    }

    // The file is opened here, when the app starts, so that a wrong path or password stops it at once
    // rather than failing the first upload to be signed.
    private ValidationResult? Pkcs12Problem()
    {
        if (!File.Exists(Pkcs12Path))
        {
            return new($"names no file: {Pkcs12Path}", [nameof(Pkcs12Path)]);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Pkcs12Path!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new($"cannot be read ({exception.GetType().Name}): {Pkcs12Path}", [nameof(Pkcs12Path)]);
        }

        if (!Pkcs12File.IsPkcs12(bytes))
        {
            return new($"is not a PKCS#12 (.p12, .pfx) file: {Pkcs12Path}", [nameof(Pkcs12Path)]);
        }

        if (!Pkcs12File.Opens(bytes, Pkcs12Password))
        {
            return Pkcs12Password is null
                ? new("is missing: the file at SIGNING_PKCS12_PATH needs a password", [nameof(Pkcs12Password)])
                : new("does not open the file at SIGNING_PKCS12_PATH", [nameof(Pkcs12Password)]);
        }

        try
        {
            var key = Pkcs12File.Load(bytes, Pkcs12Password);
            key.Rsa.Dispose();
            foreach (var certificate in key.Chain.Append(key.Certificate))
            {
                certificate.Dispose();
            }

            return null;
        }
        catch (Exception exception) when (exception is InvalidDataException or CryptographicException)
        {
            return new(exception.Message, [nameof(Pkcs12Path)]);
        }
    }

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$")]
    private static partial Regex CertificateNamePattern();
}

public enum SigningKind
{
    KeyVault,
    Pkcs12File,
    Development,
}
