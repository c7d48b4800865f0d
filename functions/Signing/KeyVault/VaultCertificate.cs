using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>A Key Vault certificate as the app reads it: the public certificate and the key that signs for it.</summary>
/// <param name="KeyId">The key's version-qualified id (<c>kid</c>), to which sign requests go.</param>
public sealed record VaultCertificate(X509Certificate2 Certificate, Uri KeyId);
