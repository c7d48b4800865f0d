using Etransactions.Functions.Core;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Signing.KeyVault;
using Etransactions.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>Signing with a key that stays in Key Vault, against a fake of the Key Vault REST API on 127.0.0.1 over https.</summary>
public sealed class KeyVaultSignerTests : IAsyncLifetime
{
    private const string CertificateName = "ky-so-du-lieu";

    private static readonly SignatureRequest Request = new(
        "Chuyển đổi từ văn bản giấy (Nghị định 137/2024/NĐ-CP, Điều 4)", "Trần Thị Bích Ngọc", "Sở Tư pháp Hà Nội", DateTimeOffset.UtcNow);

    private static readonly Lazy<byte[]> Document = new(() => TestPdf.WithText("Bản sao điện tử của giấy xác nhận"));

    private readonly X509Certificate2 _certificate = TestCertificates.SelfSigned(TestCertificates.Agency);
    private FakeKeyVault _vault = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _vault = await FakeKeyVault.StartAsync(CertificateName, _certificate, _certificate.GetRSAPrivateKey()!);

    public async ValueTask DisposeAsync()
    {
        await _vault.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task SignAsync_VaultKey_PdfsigFindsItValidAndOnlyADigestWasSent()
    {
        var credential = new FakeCredential(FakeKeyVault.Token);

        var signed = await Signer(credential).SignAsync(Document.Value, Request, Cancellation);

        Assert.Equal(TestCertificates.Agency, signed.Signer);
        var report = await SignedPdfChecks.PdfsigAsync(signed.Pdf);
        Assert.Contains("Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report, StringComparison.Ordinal);
        Assert.Contains($"Signer Certificate Common Name: {TestCertificates.Agency}", report, StringComparison.Ordinal);
        Assert.Equal([KeyVaultClient.Scope], credential.Scopes.Distinct());
        var requests = _vault.Requests.ToList();
        Assert.Equal(["GET /certificates/ky-so-du-lieu", $"POST /keys/ky-so-du-lieu/{FakeKeyVault.Version}/sign"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(requests, request => Assert.Equal("7.4", request.ApiVersion));
        Assert.All(requests, request => Assert.Equal($"Bearer {FakeKeyVault.Token}", request.Authorization));
        var sign = requests[1].Body!;
        Assert.Equal("RS256", sign["alg"]?.GetValue<string>());
        Assert.Equal(32, Base64Url.DecodeFromChars(sign["value"]!.GetValue<string>()).Length);
    }

    [Fact]
    public async Task SignAsync_TwoDocuments_ReadTheCertificateOnce()
    {
        var signer = Signer(new FakeCredential(FakeKeyVault.Token));

        await signer.SignAsync(Document.Value, Request, Cancellation);
        await signer.SignAsync(Document.Value, Request, Cancellation);

        Assert.Single(_vault.Requests, request => request.Method == "GET");
        Assert.Equal(2, _vault.Requests.Count(request => request.Method == "POST"));
    }

    [Fact]
    public async Task SignAsync_ThrottledOnceWithRetryAfter_WaitsThatLongAndSigns()
    {
        _vault.SignAnswers.Enqueue((429, "1"));

        var signed = await Signer(new FakeCredential(FakeKeyVault.Token)).SignAsync(Document.Value, Request, Cancellation);

        Assert.Contains("Signature is Valid.", await SignedPdfChecks.PdfsigAsync(signed.Pdf), StringComparison.Ordinal);
        var signs = _vault.Requests.Where(request => request.Method == "POST").ToList();
        Assert.Equal(2, signs.Count);
        Assert.True(signs[1].At - signs[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {signs[1].At - signs[0].At}");
    }

    [Theory]
    [InlineData(429, "0")]
    [InlineData(503, null)]
    public async Task SignAsync_FailingUntilTheRetriesRunOut_IsTransient(int status, string? retryAfter)
    {
        for (var i = 0; i < 10; i++)
        {
            _vault.SignAnswers.Enqueue((status, retryAfter));
        }

        var failure = await Assert.ThrowsAsync<TransientException>(() => Signer(new FakeCredential(FakeKeyVault.Token)).SignAsync(Document.Value, Request, Cancellation));

        Assert.Contains($"({status} ", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, _vault.Requests.Count(request => request.Method == "POST")); // the first and two retries
    }

    [Fact]
    public async Task SignAsync_ThrottledForLongerThanAFunctionShouldWait_IsTransientAtOnceWithTheWait()
    {
        _vault.SignAnswers.Enqueue((429, "120"));

        var failure = await Assert.ThrowsAsync<TransientException>(() => Signer(new FakeCredential(FakeKeyVault.Token)).SignAsync(Document.Value, Request, Cancellation));

        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Single(_vault.Requests, request => request.Method == "POST");
    }

    [Fact]
    public async Task SignAsync_VaultKeyIsNotTheCertificates_FailsSayingSo()
    {
        await _vault.DisposeAsync();
        using var otherKey = RSA.Create(2048);
        _vault = await FakeKeyVault.StartAsync(CertificateName, _certificate, otherKey);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Signer(new FakeCredential(FakeKeyVault.Token)).SignAsync(Document.Value, Request, Cancellation));

        Assert.Contains("the key is not the certificate's", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_TokenRefused_FailsNamingTheVaultWithoutRetrying()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Signer(new FakeCredential("expired-token")).SignAsync(Document.Value, Request, Cancellation));

        Assert.Contains($"Key Vault {_vault.Uri} refused the app's token while reading certificate {CertificateName} (401 Unauthorized: AKV10000", failure.Message, StringComparison.Ordinal);
        Assert.Single(_vault.Requests);
    }

    [Fact]
    public async Task SignAsync_NoSuchCertificate_FailsNamingTheSetting()
    {
        var signer = new PadesSigner(Keys(new FakeCredential(FakeKeyVault.Token), "khong-co"), NullLogger<PadesSigner>.Instance);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => signer.SignAsync(Document.Value, Request, Cancellation));

        Assert.Contains("reading certificate khong-co (404 NotFound", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SIGNING_CERTIFICATE_NAME", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_VaultDoesNotAnswer_IsTransient()
    {
        var signer = Signer(new FakeCredential(FakeKeyVault.Token));
        await _vault.DisposeAsync();

        var failure = await Assert.ThrowsAsync<TransientException>(() => signer.SignAsync(Document.Value, Request, Cancellation));

        Assert.Contains($"Key Vault {_vault.Uri} did not answer while reading certificate {CertificateName}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Construction_SendsNothingToTheVault()
    {
        _ = Signer(new FakeCredential(FakeKeyVault.Token));

        await Task.Delay(100, Cancellation);
        Assert.Empty(_vault.Requests);
    }

    private PadesSigner Signer(FakeCredential credential) => new(Keys(credential, CertificateName), NullLogger<PadesSigner>.Instance);

    private KeyVaultSigningKeys Keys(FakeCredential credential, string certificateName)
    {
        var options = new KeyVaultClientOptions { Transport = new HttpClientTransport(SelfSignedTls.TrustingOnly(_vault.Tls)) };
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return new KeyVaultSigningKeys(new KeyVaultClient(_vault.Uri, credential, options), certificateName, TimeProvider.System, NullLogger<KeyVaultSigningKeys>.Instance);
    }
}
