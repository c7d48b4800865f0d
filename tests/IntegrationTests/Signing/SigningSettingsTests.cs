using Etransactions.Functions.Signing;
using Etransactions.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>The local key sources as the settings choose them: a PKCS#12 file, or the development certificate.</summary>
public sealed class SigningSettingsTests : IDisposable
{
    private const string Password = "mật khẩu của sở";

    private static readonly SignatureRequest Request = new("Chuyển đổi từ văn bản giấy", "Lê Văn Tám", "Hà Nội", DateTimeOffset.UtcNow);
    private static readonly Lazy<byte[]> Document = new(() => TestPdf.WithText("Quyết định về việc cấp giấy phép"));

    private readonly string _folder = TempFolder.Create("signing");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    public async Task AddSigning_Pkcs12File_SignsWithItsKeyAndName()
    {
        using var certificate = TestCertificates.SelfSigned(TestCertificates.Agency);
        var path = await WriteAsync("agency.p12", TestCertificates.Pkcs12(certificate, Password));
        using var services = Services(("SIGNING_PKCS12_PATH", path), ("SIGNING_PKCS12_PASSWORD", Password));
        Assert.Empty(StartFailures(services));

        var signed = await services.GetRequiredService<IPdfSigner>().SignAsync(Document.Value, Request, Cancellation);

        Assert.Equal(TestCertificates.Agency, signed.Signer);
        var report = await SignedPdfChecks.PdfsigAsync(signed.Pdf);
        Assert.Contains("Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains($"Signer Certificate Common Name: {TestCertificates.Agency}", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSigning_WrongPassword_StopsTheStartNamingThePassword()
    {
        using var certificate = TestCertificates.SelfSigned(TestCertificates.Agency);
        var path = await WriteAsync("agency.p12", TestCertificates.Pkcs12(certificate, Password));

        using var services = Services(("SIGNING_PKCS12_PATH", path), ("SIGNING_PKCS12_PASSWORD", "sai mật khẩu"));

        Assert.Equal(["App setting SIGNING_PKCS12_PASSWORD: does not open the file at SIGNING_PKCS12_PATH"], StartFailures(services));
    }

    [Fact]
    public async Task AddSigning_FileWithoutAPassword_NamesTheMissingPassword()
    {
        using var certificate = TestCertificates.SelfSigned(TestCertificates.Agency);
        var path = await WriteAsync("agency.p12", TestCertificates.Pkcs12(certificate, Password));

        using var services = Services(("SIGNING_PKCS12_PATH", path));

        Assert.Equal(["App setting SIGNING_PKCS12_PASSWORD: is missing: the file at SIGNING_PKCS12_PATH needs a password"], StartFailures(services));
    }

    [Fact]
    public void AddSigning_NoFileAtThePath_NamesThePath()
    {
        var path = Path.Combine(_folder, "khong-co.p12");

        using var services = Services(("SIGNING_PKCS12_PATH", path));

        Assert.Equal([$"App setting SIGNING_PKCS12_PATH: names no file: {path}"], StartFailures(services));
    }

    [Fact]
    public async Task AddSigning_NotAPkcs12File_NamesThePath()
    {
        var path = await WriteAsync("not.p12", Document.Value);

        using var services = Services(("SIGNING_PKCS12_PATH", path), ("SIGNING_PKCS12_PASSWORD", Password));

        Assert.Equal([$"App setting SIGNING_PKCS12_PATH: is not a PKCS#12 (.p12, .pfx) file: {path}"], StartFailures(services));
    }

    [Fact]
    public async Task AddSigning_FileWithACertificateButNoKey_NamesThePath()
    {
        using var certificate = TestCertificates.SelfSigned(TestCertificates.Agency);
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.RawData);
        var path = await WriteAsync("public.p12", TestCertificates.Pkcs12(publicOnly, Password));

        using var services = Services(("SIGNING_PKCS12_PATH", path), ("SIGNING_PKCS12_PASSWORD", Password));

        Assert.Equal(["App setting SIGNING_PKCS12_PATH: the PKCS#12 file holds no RSA private key with its certificate"], StartFailures(services));
    }

    [Fact]
    public async Task DevelopmentSigningKeys_MadeAtTheFirstSignature_AndKeptForTheNextStart()
    {
        var keys = Development();
        Assert.False(File.Exists(keys.FilePath)); // building the source made nothing

        var first = await new PadesSigner(keys, NullLogger<PadesSigner>.Instance).SignAsync(Document.Value, Request, Cancellation);

        Assert.Equal(DevelopmentSigningKeys.CommonName, first.Signer);
        var report = await SignedPdfChecks.PdfsigAsync(first.Pdf);
        Assert.Contains("Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Signer full Distinguished Name: CN=etransactions (phát triển / development),O=Môi trường phát triển (development),C=VN", report, StringComparison.Ordinal);
        var kept = await File.ReadAllBytesAsync(keys.FilePath, Cancellation);
        var again = await Development().GetAsync(Cancellation);
        Assert.Equal((await keys.GetAsync(Cancellation)).Certificate.Thumbprint, again.Certificate.Thumbprint);
        Assert.Equal(kept, await File.ReadAllBytesAsync(keys.FilePath, Cancellation));
    }

    [Fact]
    public async Task DevelopmentSigningKeys_KeptFileThatDoesNotOpen_IsReplaced()
    {
        var keys = Development();
        await File.WriteAllBytesAsync(keys.FilePath, "không phải PKCS#12"u8.ToArray(), Cancellation);

        var key = await keys.GetAsync(Cancellation);

        Assert.Equal(DevelopmentSigningKeys.CommonName, key.CommonName);
        Assert.True(Pkcs12File.IsPkcs12(await File.ReadAllBytesAsync(keys.FilePath, Cancellation)));
    }

    private DevelopmentSigningKeys Development() => new(_folder, TimeProvider.System, NullLogger<DevelopmentSigningKeys>.Instance);

    private async Task<string> WriteAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, bytes, Cancellation);
        return path;
    }

    private static ServiceProvider Services(params (string Name, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Name, (string?)setting.Value)))
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSigning(configuration)
            .BuildServiceProvider();
    }

    private static IReadOnlyList<string> StartFailures(ServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
    }
}
