using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Signing;

/// <summary>
/// A self-signed certificate for signing on a development machine, made at the first signature and kept in
/// <paramref name="folder"/> so that later signatures, after a restart too, have the same signer. Its names
/// are Vietnamese on purpose: real agency certificates carry such names, and they must survive signing.
/// Verifiers call its signatures valid and its issuer unknown. Never used on Azure (the settings refuse it).
/// </summary>
public sealed partial class DevelopmentSigningKeys(string folder, TimeProvider time, ILogger<DevelopmentSigningKeys> logger) : ISigningKeySource
{
    public const string CommonName = "etransactions (phát triển / development)";
    public const string FileName = "development-signing.p12";

    // Protects nothing: the file is a development key; the password only satisfies the format.
    internal const string Password = "development-only";

    private static readonly TimeSpan Validity = TimeSpan.FromDays(3 * 365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    // Walk-throughs and tests move the app's clock to past dates (the 2026 samples): the certificate is valid from
    // long before it was made, so that a signature made at a moved time is one a verifier calls valid.
    private static readonly TimeSpan Backdated = TimeSpan.FromDays(5 * 365);

    private readonly Lock _lock = new();
    private SigningKey? _key;

    public string FilePath { get; } = Path.Combine(folder, FileName);

    public Task<SigningKey> GetAsync(CancellationToken cancellation)
    {
        lock (_lock)
        {
            _key ??= LoadOrCreate();
            return Task.FromResult(_key);
        }
    }

    private SigningKey LoadOrCreate()
    {
        // The file lives in this machine's real time, whatever the app's clock says; a certificate made under a
        // moved clock (not yet valid now, or soon to expire) is made again.
        var now = time.GetUtcNow().UtcDateTime;
        if (Kept() is { } kept && kept.Certificate.NotBefore.ToUniversalTime() <= now - (Backdated / 2) && kept.Certificate.NotAfter.ToUniversalTime() > now + RenewBefore)
        {
            return kept;
        }

        Directory.CreateDirectory(folder);
        var temporary = $"{FilePath}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, Create(time.GetUtcNow()));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Two workers starting at once: the last rename wins, and each file is whole. Both then read the winner.
        File.Move(temporary, FilePath, overwrite: true);
        LogCreated(FilePath);
        return Pkcs12File.Load(File.ReadAllBytes(FilePath), Password);
    }

    // A file that does not open (cut short, or from elsewhere) is replaced like a missing one: it is only a development key.
    private SigningKey? Kept()
    {
        try
        {
            return File.Exists(FilePath) ? Pkcs12File.Load(File.ReadAllBytes(FilePath), Password) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or InvalidDataException)
        {
            return null;
        }
    }

    private static byte[] Create(DateTimeOffset now)
    {
        // The builder encodes the last added first: the country comes first in the certificate, as usual.
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(CommonName);
        subject.AddOrganizationName("Môi trường phát triển (development)");
        subject.AddCountryOrRegion("VN");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var certificate = request.CreateSelfSigned(now - Backdated, now + Validity);
        return certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, Password);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made a development signing certificate at {Path}: its signatures are for testing only")]
    private partial void LogCreated(string path);
}
