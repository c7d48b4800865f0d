using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Signing.Validation;
using Etransactions.IntegrationTests.Support;
using Etransactions.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>
/// The existing signatures of a PDF, checked against its bytes: signed by the app, changed afterwards, signed again
/// in an incremental update, signed by openssl, timestamped, damaged. pdfsig confirms the PDFs made here are what they
/// claim to be, so that the validator is not only checked against itself.
/// </summary>
public sealed partial class PdfSignatureValidatorTests
{
    private const string Signer = "Nguyễn Văn An";
    private const string SecondField = "Chữ ký thứ hai";

    // Whole seconds, a minute ago: /M keeps seconds, and the test certificates are valid from a day ago.
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    // A well-formed DER value that is no CMS: an OCTET STRING.
    private static readonly byte[] NotCms = [0x04, 0x03, 0x01, 0x02, 0x03];

    private static readonly string[] OpensslDetached = ["cms", "-sign", "-binary", "-md", "sha256", "-nosmimecap"];
    private static readonly string[] OpensslEmbedded = ["cms", "-sign", "-nodetach", "-binary", "-md", "sha256", "-nosmimecap"];

    private static readonly Lazy<byte[]> Document = new(() => TestPdf.WithText("Giấy xác nhận của Ủy ban nhân dân phường Tràng Tiền", "Văn bản điện tử đã ký"));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Validate_UnsignedPdf_FindsNoSignature()
    {
        Assert.Empty(PdfSignatureValidator.Validate(Document.Value, [], Now));
    }

    [Fact]
    public async Task Validate_SignedByTheApp_IsValidWholeAndTrustedByItsRoot()
    {
        var (ca, leaf) = TestCertificates.IssuedByCa(Signer, "Tổ chức chứng thực thử nghiệm");
        using (ca)
        using (leaf)
        {
            var signed = await SignAsync(TestCertificates.Key(leaf, ca), SignedAt);

            var check = Assert.Single(PdfSignatureValidator.Validate(signed, [ca], Now));

            Assert.Equal(SignatureStatus.Valid, check.Status);
            Assert.Null(check.Reason);
            Assert.Equal("Signature1", check.Field);
            Assert.Equal("ETSI.CAdES.detached", check.SubFilter);
            Assert.Equal(Signer, check.Signer);
            Assert.Equal(leaf.Subject, check.SignerSubject);
            Assert.Equal(SignedAt, check.SignedAt); // from /M: the app's CMS has no signing-time attribute
            Assert.True(check.CoversWholeDocument);
            Assert.True(check.IntegrityIntact);
            Assert.True(check.CertificateTrusted);
            Assert.True(check.CertificateValidAtSigning);
        }
    }

    [Fact]
    public async Task Validate_NoRootsOrAnotherRoot_IsUntrustedButStillValid()
    {
        var (ca, leaf) = TestCertificates.IssuedByCa(Signer, "Tổ chức chứng thực thử nghiệm");
        var (otherCa, otherLeaf) = TestCertificates.IssuedByCa("Trần Thị Bình", "Tổ chức chứng thực khác");
        using (ca)
        using (leaf)
        using (otherCa)
        using (otherLeaf)
        {
            var signed = await SignAsync(TestCertificates.Key(leaf, ca), SignedAt);

            var noRoots = Assert.Single(PdfSignatureValidator.Validate(signed, [], Now));
            var otherRoot = Assert.Single(PdfSignatureValidator.Validate(signed, [otherCa], Now));

            foreach (var check in new[] { noRoots, otherRoot })
            {
                Assert.False(check.CertificateTrusted);
                Assert.Equal(SignatureStatus.Valid, check.Status);
                Assert.True(check.IntegrityIntact);
            }
        }
    }

    [Fact]
    public async Task Validate_OneBitChangedInTheSignedBytes_IsInvalidAndSaysTheDocumentChanged()
    {
        using var certificate = TestCertificates.SelfSigned(Signer);
        var signed = SignedPdfChecks.FlipOneBit(await SignAsync(TestCertificates.Key(certificate), SignedAt));

        var check = Assert.Single(PdfSignatureValidator.Validate(signed, [certificate], Now));

        Assert.Equal(SignatureStatus.Invalid, check.Status);
        Assert.False(check.IntegrityIntact);
        Assert.Contains("changed", check.Reason, StringComparison.Ordinal);
        Assert.Equal(Signer, check.Signer);
        Assert.True(check.CoversWholeDocument);
    }

    [Fact]
    public async Task Validate_CommentAppendedAfterSigning_IsIntactButNoLongerTheWholeDocument()
    {
        using var certificate = TestCertificates.SelfSigned(Signer);
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);

        byte[] appended = [.. signed, .. "\n% appended\n"u8];

        var check = Assert.Single(PdfSignatureValidator.Validate(appended, [certificate], Now));

        Assert.False(check.CoversWholeDocument);
        Assert.True(check.IntegrityIntact);
        Assert.Equal(SignatureStatus.Valid, check.Status);
    }

    [Fact]
    public async Task Validate_SecondSignatureInAnIncrementalUpdate_BothValidInFileOrderOnlyTheLastCoveringTheWhole()
    {
        using var first = TestCertificates.SelfSigned(Signer);
        using var second = TestCertificates.SelfSigned("Trần Thị Bình");
        var signed = await SignAsync(TestCertificates.Key(first), SignedAt);
        var secondKey = TestCertificates.Key(second);
        var twice = await AppendSignatureAsync(signed, "Sig", "ETSI.CAdES.detached", SignedAt.AddMinutes(1), CadesSignature.SizeFor(secondKey),
            bytes => Task.FromResult(CadesSignature.Create(bytes, secondKey)));
        var report = await SignedPdfChecks.PdfsigAsync(twice);
        Assert.Equal(2, Regex.Count(report, "Signature is Valid\\."));

        var checks = PdfSignatureValidator.Validate(twice, [first, second], Now);

        Assert.Equal(2, checks.Count);
        Assert.All(checks, check => Assert.Equal(SignatureStatus.Valid, check.Status));
        Assert.Equal((Signer, "Signature1", false), (checks[0].Signer, checks[0].Field, checks[0].CoversWholeDocument));
        Assert.Equal(("Trần Thị Bình", SecondField, true), (checks[1].Signer, checks[1].Field, checks[1].CoversWholeDocument));
        Assert.Equal(SignedAt.AddMinutes(1), checks[1].SignedAt);
    }

    [Fact]
    public async Task Validate_SignedAfterTheCertificateExpired_IsInvalidAndSaysSo()
    {
        using var certificate = TestCertificates.SelfSigned(Signer, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);

        var check = Assert.Single(PdfSignatureValidator.Validate(signed, [certificate], Now));

        Assert.Equal(SignatureStatus.Invalid, check.Status);
        Assert.False(check.CertificateValidAtSigning);
        Assert.True(check.IntegrityIntact);
        Assert.Equal("The signing certificate had expired at the signing time.", check.Reason);
    }

    [Fact]
    public async Task Validate_SignedBeforeTheCertificateWasValid_IsInvalidAndSaysSo()
    {
        using var certificate = TestCertificates.SelfSigned(Signer, SignedAt.AddDays(1), SignedAt.AddYears(1));
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);

        var check = Assert.Single(PdfSignatureValidator.Validate(signed, [certificate], Now));

        Assert.Equal(SignatureStatus.Invalid, check.Status);
        Assert.False(check.CertificateValidAtSigning);
        Assert.Equal("The signing certificate was not yet valid at the signing time.", check.Reason);
    }

    [Fact]
    public async Task Validate_ContentsNotHex_IsMalformedWithAReasonAndTheDictionarysEntries()
    {
        using var certificate = TestCertificates.SelfSigned(Signer);
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);
        var range = ByteRange(signed);
        var garbled = (byte[])signed.Clone();
        garbled.AsSpan((int)range[1] + 1, (int)(range[2] - range[1] - 2)).Fill((byte)'Z');

        var check = Assert.Single(PdfSignatureValidator.Validate(garbled, [certificate], Now));

        Assert.Equal(SignatureStatus.Malformed, check.Status);
        Assert.Contains("/Contents", check.Reason, StringComparison.Ordinal);
        Assert.Null(check.Signer);
        Assert.False(check.IntegrityIntact);
        Assert.Equal("ETSI.CAdES.detached", check.SubFilter);
        Assert.Equal(SignedAt, check.SignedAt);
    }

    [Fact]
    public async Task Validate_NoByteRange_IsMalformed()
    {
        using var certificate = TestCertificates.SelfSigned(Signer);
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);
        var renamed = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(signed).Replace("/ByteRange", "/ByteRangX", StringComparison.Ordinal));

        var check = Assert.Single(PdfSignatureValidator.Validate(renamed, [certificate], Now));

        Assert.Equal(SignatureStatus.Malformed, check.Status);
        Assert.Equal("The signature has no /ByteRange of four integers.", check.Reason);
        Assert.Equal("Signature1", check.Field);
    }

    [Fact]
    public async Task Validate_CmsNotDecodable_IsMalformed()
    {
        using var certificate = TestCertificates.SelfSigned(Signer);
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);

        var check = Assert.Single(PdfSignatureValidator.Validate(PutCms(signed, NotCms), [certificate], Now));

        Assert.Equal(SignatureStatus.Malformed, check.Status);
        Assert.Equal("The signature's CMS cannot be decoded.", check.Reason);
    }

    [Fact]
    public async Task Validate_StartxrefBrokenAfterSigning_FindsTheSignatureInTheFilesText()
    {
        using var certificate = TestCertificates.SelfSigned(Signer);
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);
        var broken = signed.Concat("\nstartxref\n999999999\n%%EOF\n"u8.ToArray()).ToArray();

        var check = Assert.Single(PdfSignatureValidator.Validate(broken, [certificate], Now));

        Assert.Null(check.Field); // PDFsharp could not open it: no field was looked for
        Assert.Equal("ETSI.CAdES.detached", check.SubFilter);
        Assert.Equal(SignedAt, check.SignedAt);
        Assert.Equal(Signer, check.Signer);
        Assert.True(check.IntegrityIntact);
        Assert.False(check.CoversWholeDocument);
        Assert.Equal(SignatureStatus.Valid, check.Status);
    }

    [Fact]
    public async Task Validate_CmsMadeByOpenssl_IsValidWithItsSigningTimeAttribute()
    {
        using var certificate = TestCertificates.SelfSigned("Lê Văn Cường");
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt.AddDays(-1));
        var resigned = PutCms(signed, await OpensslCmsAsync(certificate, SignedBytes(signed), OpensslDetached));
        Assert.Contains("Signature is Valid.", await SignedPdfChecks.PdfsigAsync(resigned), StringComparison.Ordinal);

        var check = Assert.Single(PdfSignatureValidator.Validate(resigned, [certificate], DateTimeOffset.UtcNow));

        Assert.Equal(SignatureStatus.Valid, check.Status);
        Assert.Equal("Lê Văn Cường", check.Signer);
        // openssl signed the time it signed at, which wins over /M (a day earlier).
        Assert.InRange(check.SignedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(check.CertificateTrusted);
    }

    [Fact]
    public async Task Validate_Pkcs7Sha1MadeByOpenssl_IsValidAndInvalidOnceChanged()
    {
        using var certificate = TestCertificates.SelfSigned("Lê Văn Cường");
        var signed = SetSubFilter(await SignAsync(TestCertificates.Key(certificate), SignedAt), "adbe.pkcs7.sha1");
        var digest = CryptographicOperations.HashData(HashAlgorithmName.SHA1, SignedBytes(signed));
        var resigned = PutCms(signed, await OpensslCmsAsync(certificate, digest, OpensslEmbedded));

        var check = Assert.Single(PdfSignatureValidator.Validate(resigned, [certificate], Now));
        var changed = Assert.Single(PdfSignatureValidator.Validate(SignedPdfChecks.FlipOneBit(resigned), [certificate], Now));

        Assert.Equal(("adbe.pkcs7.sha1", SignatureStatus.Valid), (check.SubFilter, check.Status));
        Assert.Equal(SignatureStatus.Invalid, changed.Status);
        Assert.Contains("changed", changed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DocumentTimestampMadeByOpenssl_IsValidWithTheAuthorityAndItsTime()
    {
        using var certificate = TestCertificates.SelfSigned(Signer);
        using var authority = TimestampingAuthority("Máy chủ cấp dấu thời gian thử nghiệm");
        var signed = await SignAsync(TestCertificates.Key(certificate), SignedAt);
        var stamped = await AppendSignatureAsync(signed, "DocTimeStamp", "ETSI.RFC3161", null, 8192, bytes => TimestampTokenAsync(authority, bytes));

        var checks = PdfSignatureValidator.Validate(stamped, [certificate, authority], DateTimeOffset.UtcNow);
        var changed = PdfSignatureValidator.Validate(SignedPdfChecks.FlipOneBit(stamped), [certificate, authority], DateTimeOffset.UtcNow);

        Assert.Equal(2, checks.Count);
        var timestamp = checks[1];
        Assert.Equal(SignatureStatus.Valid, timestamp.Status);
        Assert.Equal("ETSI.RFC3161", timestamp.SubFilter);
        Assert.Equal("Máy chủ cấp dấu thời gian thử nghiệm", timestamp.Signer);
        Assert.True(timestamp.CoversWholeDocument && timestamp.CertificateTrusted);
        Assert.InRange(timestamp.SignedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(SignatureStatus.Valid, checks[0].Status);
        Assert.All(changed, check => Assert.Equal(SignatureStatus.Invalid, check.Status));
    }

    private static async Task<byte[]> SignAsync(SigningKey key, DateTimeOffset at)
    {
        var signer = new PadesSigner(new FixedKey(key), NullLogger<PadesSigner>.Instance);
        var request = new SignatureRequest("Lưu giữ tài liệu điện tử", "Nguyễn Thị Hồng Nhung", "Hà Nội", at);
        return (await signer.SignAsync(Document.Value, request, Cancellation)).Pdf;
    }

    /// <summary>The last /ByteRange of the file: that of the signature made last.</summary>
    private static long[] ByteRange(byte[] pdf)
    {
        var match = ByteRangeText().Matches(Encoding.Latin1.GetString(pdf)).Last();
        return [.. match.Groups.Values.Skip(1).Select(group => long.Parse(group.Value, CultureInfo.InvariantCulture))];
    }

    private static byte[] SignedBytes(byte[] pdf)
    {
        var range = ByteRange(pdf);
        return [.. pdf.AsSpan((int)range[0], (int)range[1]), .. pdf.AsSpan((int)range[2], (int)range[3])];
    }

    /// <summary>The file with <paramref name="cms"/> in place of the last signature's, zero-padded as signers do.</summary>
    private static byte[] PutCms(byte[] pdf, byte[] cms)
    {
        var range = ByteRange(pdf);
        var room = (int)(range[2] - range[1] - 2);
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms).PadRight(room, '0'));
        Assert.Equal(room, hex.Length);
        var copy = (byte[])pdf.Clone();
        hex.CopyTo(copy, range[1] + 1);
        return copy;
    }

    /// <summary>The app's /SubFilter replaced by a name no longer than it, padded with spaces: the byte ranges stay put.</summary>
    private static byte[] SetSubFilter(byte[] pdf, string subFilter)
    {
        const string App = "/SubFilter/ETSI.CAdES.detached";
        var text = Encoding.Latin1.GetString(pdf);
        Assert.Contains(App, text, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text.Replace(App, $"/SubFilter/{subFilter}".PadRight(App.Length), StringComparison.Ordinal));
    }

    /// <summary>
    /// The PDF with one more signature in an incremental update, as a second signer's tool adds it: a signature
    /// dictionary of <paramref name="type"/> and its field (named in Vietnamese, UTF-16BE), the catalog's field
    /// list and the page's annotations extended, an xref section and a trailer pointing back to the last one.
    /// </summary>
    private static async Task<byte[]> AppendSignatureAsync(byte[] pdf, string type, string subFilter, DateTimeOffset? at, int room, Func<byte[], Task<byte[]>> sign)
    {
        var text = Encoding.Latin1.GetString(pdf);
        string Last(string pattern) => Regex.Matches(text, pattern).Last().Groups[1].Value;
        var size = int.Parse(Last(@"/Size\s+(\d+)"), CultureInfo.InvariantCulture);
        var root = Last(@"/Root\s+(\d+)\s+0\s+R");
        var page = Last(@"(\d+)\s+0\s+obj\s*<</Type/Page/");
        string Body(string number) => Regex.Match(text, $@"(?<!\d){number}\s+0\s+obj\s*(.*?)\s*endobj", RegexOptions.Singleline).Groups[1].Value;
        var (signature, field) = (size, size + 1);

        var offsets = new SortedDictionary<int, int>();
        var update = new StringBuilder("\n");
        void Add(int number, string dictionary)
        {
            offsets[number] = pdf.Length + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{dictionary}\nendobj\n");
        }

        const string Placeholder = "/ByteRange[0 0000000000 0000000000 0000000000]";
        var time = at is { } signedAt ? $"/M(D:{signedAt.UtcDateTime:yyyyMMddHHmmss}Z)" : "";
        Add(signature, $"<</Type/{type}/Filter/Adobe.PPKLite/SubFilter/{subFilter}{time}{Placeholder}/Contents<{new string('0', 2 * room)}>>>");
        var name = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(SecondField));
        Add(field, $"<</FT/Sig/T<FEFF{name}>/V {signature} 0 R/Type/Annot/Subtype/Widget/F 132/P {page} 0 R/Rect[0 0 0 0]>>");
        Add(int.Parse(root, CultureInfo.InvariantCulture), Regex.Replace(Body(root), @"/Fields\[([^\]]*)\]", $"/Fields[$1 {field} 0 R]"));
        Add(int.Parse(page, CultureInfo.InvariantCulture), Regex.Replace(Body(page), @"/Annots\[([^\]]*)\]", $"/Annots[$1 {field} 0 R]"));
        var xref = pdf.Length + update.Length;
        update.Append("xref\n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size + 2}/Root {root} 0 R/Info {Last(@"/Info\s+(\d+)\s+0\s+R")} 0 R/ID{Last(@"/ID\s*(\[[^\]]*\])")}/Prev {Last(@"startxref\s+(\d+)")}>>\nstartxref\n{xref}\n%%EOF\n");

        var updated = Encoding.Latin1.GetString(pdf) + update;
        var contents = updated.LastIndexOf("/Contents<", StringComparison.Ordinal) + "/Contents".Length;
        var end = contents + (2 * room) + 2;
        var range = $"/ByteRange[0 {contents} {end} {updated.Length - end}]".PadRight(Placeholder.Length);
        var file = Encoding.Latin1.GetBytes(updated.Replace(Placeholder, range, StringComparison.Ordinal));
        return PutCms(file, await sign(SignedBytes(file)));
    }

    /// <summary>The CMS openssl makes over <paramref name="input"/> with the certificate and its key, given as PEM files.</summary>
    private static async Task<byte[]> OpensslCmsAsync(X509Certificate2 certificate, byte[] input, string[] command)
    {
        var folder = TempFolder.Create("openssl-signature");
        try
        {
            var (certificatePem, keyPem, inputFile, output) = (Path.Combine(folder, "cert.pem"), Path.Combine(folder, "key.pem"), Path.Combine(folder, "in.bin"), Path.Combine(folder, "out.bin"));
            await File.WriteAllTextAsync(certificatePem, certificate.ExportCertificatePem(), Cancellation);
            using (var key = certificate.GetRSAPrivateKey()!)
            {
                await File.WriteAllTextAsync(keyPem, key.ExportPkcs8PrivateKeyPem(), Cancellation);
            }

            await File.WriteAllBytesAsync(inputFile, input, Cancellation);
            var result = await ExternalTool.RunAsync("openssl", [.. command, "-signer", certificatePem, "-inkey", keyPem, "-outform", "DER", "-in", inputFile, "-out", output]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return await File.ReadAllBytesAsync(output, Cancellation);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    /// <summary>An RFC 3161 token over the bytes, from openssl's timestamping authority with <paramref name="authority"/>'s key.</summary>
    private static async Task<byte[]> TimestampTokenAsync(X509Certificate2 authority, byte[] bytes)
    {
        var folder = TempFolder.Create("openssl-timestamp");
        try
        {
            string In(string name) => Path.Combine(folder, name);
            await File.WriteAllBytesAsync(In("data.bin"), bytes, Cancellation);
            await File.WriteAllTextAsync(In("tsa.pem"), authority.ExportCertificatePem(), Cancellation);
            using (var key = authority.GetRSAPrivateKey()!)
            {
                await File.WriteAllTextAsync(In("tsa.key"), key.ExportPkcs8PrivateKeyPem(), Cancellation);
            }

            await File.WriteAllTextAsync(In("ts.cnf"), $"""
                [ tsa ]
                default_tsa = tsa1
                [ tsa1 ]
                serial = {In("serial")}
                signer_digest = sha256
                default_policy = 1.2.3.4.1
                digests = sha256
                ess_cert_id_alg = sha256
                """, Cancellation);
            var query = await ExternalTool.RunAsync("openssl", ["ts", "-query", "-data", In("data.bin"), "-sha256", "-cert", "-no_nonce", "-out", In("query.tsq")]);
            Assert.True(query.ExitCode == 0, query.Stderr);
            var reply = await ExternalTool.RunAsync("openssl", ["ts", "-reply", "-queryfile", In("query.tsq"), "-signer", In("tsa.pem"), "-inkey", In("tsa.key"),
                "-config", In("ts.cnf"), "-token_out", "-out", In("token.der")]);
            Assert.True(reply.ExitCode == 0, reply.Stderr);
            return await File.ReadAllBytesAsync(In("token.der"), Cancellation);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    // RFC 3161 wants the authority's certificate to be for timestamping only, and to say so in a critical extension.
    private static X509Certificate2 TimestampingAuthority(string commonName)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangeText();
}
