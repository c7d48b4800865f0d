using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using Etransactions.Functions.Signing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>PAdES signatures made with a local key, checked with pdfsig, qpdf, pdftotext and openssl.</summary>
public sealed class PadesSignerTests
{
    private const string Converter = "Nguyễn Thị Hồng Nhung";
    private const string Text = "Giấy xác nhận của Ủy ban nhân dân phường Tràng Tiền";

    private static readonly SignatureRequest Request = new(
        "Chuyển đổi từ văn bản giấy (Nghị định 137/2024/NĐ-CP, Điều 4)",
        Converter,
        "Hà Nội",
        new DateTimeOffset(2025, 3, 14, 9, 6, 0, TimeSpan.Zero));

    private static readonly Lazy<byte[]> Document = new(() => TestPdf.WithText(Text, "Bản sao điện tử của văn bản giấy"));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignAsync_LocalKey_PdfsigFindsItValidAndCoveringTheWholeFile()
    {
        using var certificate = TestCertificates.SelfSigned("Nguyễn Văn An");

        var signed = await Signer(TestCertificates.Key(certificate)).SignAsync(Document.Value, Request, Cancellation);

        Assert.Equal("Nguyễn Văn An", signed.Signer);
        Assert.Equal(Request.SignedAt, signed.SignedAt);
        var report = await SignedPdfChecks.PdfsigAsync(signed.Pdf);
        Assert.Contains("Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report, StringComparison.Ordinal);
        Assert.Contains("Signing Hash Algorithm: SHA-256", report, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: Nguyễn Văn An", report, StringComparison.Ordinal);
        Assert.Contains(Text, await SignedPdfChecks.PdftotextAsync(signed.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_SeveralAtOnceWithOneKey_EachIsValid()
    {
        using var certificate = TestCertificates.SelfSigned("Nguyễn Văn An");
        var signer = Signer(TestCertificates.Key(certificate));

        var signed = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => signer.SignAsync(Document.Value, Request, Cancellation))));

        foreach (var one in signed)
        {
            Assert.Contains("Signature is Valid.", await SignedPdfChecks.PdfsigAsync(one.Pdf), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignAsync_OneBitChangedAfterwards_PdfsigReportsDigestMismatch()
    {
        using var certificate = TestCertificates.SelfSigned("Nguyễn Văn An");
        var signed = await Signer(TestCertificates.Key(certificate)).SignAsync(Document.Value, Request, Cancellation);
        Assert.Contains("Signature is Valid.", await SignedPdfChecks.PdfsigAsync(signed.Pdf), StringComparison.Ordinal);

        var report = await SignedPdfChecks.PdfsigAsync(SignedPdfChecks.FlipOneBit(signed.Pdf));

        Assert.DoesNotContain("Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Digest Mismatch.", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_SignatureDictionary_HoldsThePadesEntriesAndVietnameseTextStrings()
    {
        using var certificate = TestCertificates.SelfSigned("Nguyễn Văn An");

        var signed = await Signer(TestCertificates.Key(certificate)).SignAsync(Document.Value, Request, Cancellation);

        var signature = await SignedPdfChecks.SignatureDictionaryAsync(signed.Pdf);
        Assert.Equal("/ETSI.CAdES.detached", signature["/SubFilter"]?.GetValue<string>());
        Assert.Equal("u:" + Converter, signature["/Name"]?.GetValue<string>());
        Assert.Equal("u:" + Request.Reason, signature["/Reason"]?.GetValue<string>());
        Assert.Equal("u:Hà Nội", signature["/Location"]?.GetValue<string>());
        Assert.Equal(Request.SignedAt, PdfDate(signature["/M"]!.GetValue<string>()));
        // UTF-16BE with its byte order mark: the one encoding of PDF text strings that holds all of Vietnamese.
        var utf16 = "FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(Converter));
        Assert.Contains($"/Name<{utf16}>", Encoding.Latin1.GetString(signed.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_NoLocation_LeavesLocationOut()
    {
        using var certificate = TestCertificates.SelfSigned("Nguyễn Văn An");

        var signed = await Signer(TestCertificates.Key(certificate)).SignAsync(Document.Value, Request with { Location = null }, Cancellation);

        Assert.False((await SignedPdfChecks.SignatureDictionaryAsync(signed.Pdf)).ContainsKey("/Location"));
        Assert.Contains("Signature is Valid.", await SignedPdfChecks.PdfsigAsync(signed.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_Cms_SignsTheSigningCertificateV2WithTheCertificatesHashAndNoSigningTime()
    {
        using var certificate = TestCertificates.SelfSigned("Nguyễn Văn An");

        var signed = await Signer(TestCertificates.Key(certificate)).SignAsync(Document.Value, Request, Cancellation);

        var printed = await SignedPdfChecks.OpensslPrintAsync(await SignedPdfChecks.CmsAsync(signed.Pdf));
        var signedAttributes = printed[printed.IndexOf("signedAttrs:", StringComparison.Ordinal)..printed.IndexOf("signatureAlgorithm:", StringComparison.Ordinal)];
        Assert.Contains("id-smime-aa-signingCertificateV2 (1.2.840.113549.1.9.16.2.47)", signedAttributes, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(certificate.RawData)), signedAttributes, StringComparison.Ordinal);
        Assert.Contains("messageDigest", signedAttributes, StringComparison.Ordinal);
        Assert.DoesNotContain("signingTime", printed, StringComparison.Ordinal);
        Assert.Contains("eContent: <ABSENT>", printed, StringComparison.Ordinal); // detached
    }

    [Fact]
    public async Task SignAsync_CompressedInputThatPassesQpdf_StillPassesQpdfCheckSigned()
    {
        using var certificate = TestCertificates.SelfSigned("Nguyễn Văn An");
        var compressed = await SignedPdfChecks.RecompressedAsync(Document.Value);
        Assert.Contains("/FlateDecode", Encoding.Latin1.GetString(compressed), StringComparison.Ordinal);
        Assert.Equal(0, (await SignedPdfChecks.QpdfCheckAsync(compressed)).ExitCode);

        var signed = await Signer(TestCertificates.Key(certificate)).SignAsync(compressed, Request, Cancellation);

        var check = await SignedPdfChecks.QpdfCheckAsync(signed.Pdf);
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Contains("Signature is Valid.", await SignedPdfChecks.PdfsigAsync(signed.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_CertificateIssuedByACa_KeepsTheVietnameseNamesAndShipsTheCa()
    {
        var (ca, leaf) = TestCertificates.IssuedByCa("Nguyễn Văn An", "Tổ chức chứng thực thử nghiệm");
        using (ca)
        using (leaf)
        {
            var signed = await Signer(TestCertificates.Key(leaf, ca)).SignAsync(Document.Value, Request, Cancellation);

            var report = await SignedPdfChecks.PdfsigAsync(signed.Pdf);
            Assert.Contains("Signature is Valid.", report, StringComparison.Ordinal);
            Assert.Contains("Signer full Distinguished Name: CN=Nguyễn Văn An,O=Sở Tư pháp thành phố Hà Nội,L=Hà Nội,C=VN", report, StringComparison.Ordinal);
            // Found in the bag, not trusted here; without it pdfsig says the issuer is unknown.
            Assert.Contains("Certificate Validation: Certificate issuer isn't Trusted.", report, StringComparison.Ordinal);
            var cms = new SignedCms();
            cms.Decode(await SignedPdfChecks.CmsAsync(signed.Pdf));
            var bag = cms.Certificates.Select(certificate => certificate.Thumbprint).ToList();
            Assert.Equal(2, bag.Count);
            Assert.Contains(leaf.Thumbprint, bag);
            Assert.Contains(ca.Thumbprint, bag);
        }
    }

    private static PadesSigner Signer(SigningKey key) => new(new FixedKey(key), NullLogger<PadesSigner>.Instance);

    // D:YYYYMMDDHHmmSS followed by Z or +HH'mm' (ISO 32000 7.9.4).
    private static DateTimeOffset PdfDate(string text)
    {
        var value = text["u:D:".Length..];
        var time = DateTime.ParseExact(value[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var zone = value[14..];
        if (zone.StartsWith('Z'))
        {
            return new DateTimeOffset(time, TimeSpan.Zero);
        }

        var offset = new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[4..6], CultureInfo.InvariantCulture), 0);
        return new DateTimeOffset(time, zone[0] == '-' ? -offset : offset);
    }
}
