using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Etransactions.Functions.Signing;

/// <summary>
/// What a signature is made with: the signing certificate, the CA certificates shipped beside it so that a
/// verifier can build the chain, and the RSA key that signs, held here or remotely (Key Vault). The key
/// source owns the key: whoever receives it does not dispose it.
/// </summary>
public sealed record SigningKey(X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain, RSA Rsa)
{
    /// <summary>The certificate's subject common name, which verifiers show as the signer.</summary>
    public string CommonName => Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>The roots the system trusts when it checks signatures: its own chain's root (the certificate itself when self-signed).</summary>
    public IReadOnlyCollection<X509Certificate2> TrustedRoots => Chain.Count > 0 ? [Chain[^1]] : [Certificate];
}
