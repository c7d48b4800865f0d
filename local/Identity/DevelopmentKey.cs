using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Etransactions.Local.Identity;

/// <summary>
/// The RSA key the development provider signs tokens with: made at the first start and kept in the host's
/// state folder (<c>oidc-signing-key.pem</c>, PKCS#8), so tokens minted before a restart stay valid after it.
/// Its key id is its RFC 7638 thumbprint.
/// </summary>
public static class DevelopmentKey
{
    public const string FileName = "oidc-signing-key.pem";

    public static RsaSecurityKey LoadOrCreate(string stateDirectory)
    {
        var file = Path.Combine(stateDirectory, FileName);
        if (!File.Exists(file))
        {
            Create(file);
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        return new RsaSecurityKey(rsa) { KeyId = Thumbprint(rsa) };
    }

    private static void Create(string file)
    {
        using var rsa = RSA.Create(2048);
        var temporary = file + ".tmp";
        using (var stream = OpenOwnerOnly(temporary))
        {
            stream.Write(Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem()));
        }
        File.Move(temporary, file, overwrite: false);
    }

    // Readable by its owner only: whoever holds it can act as any applicant or officer of a local run.
    private static FileStream OpenOwnerOnly(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(file, FileMode.Create, FileAccess.Write);
        }
        return new FileStream(file, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
    }

    /// <summary>RFC 7638: the SHA-256 of the required members of the public JWK, in lexical order, base64url.</summary>
    private static string Thumbprint(RSA rsa)
    {
        var key = rsa.ExportParameters(includePrivateParameters: false);
        var json = $"{{\"e\":\"{Base64UrlEncoder.Encode(key.Exponent)}\",\"kty\":\"RSA\",\"n\":\"{Base64UrlEncoder.Encode(key.Modulus)}\"}}";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
