using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Etransactions.Functions.Signing;

namespace Etransactions.UnitTests.Signing;

/// <summary>The CMS of a PAdES signature, read back with SignedCms as a verifier would.</summary>
public class CadesSignatureTests
{
    private const string SigningTime = "1.2.840.113549.1.9.5";

    private static readonly byte[] Content = "%PDF-1.7 các dải byte được ký"u8.ToArray();

    [Fact]
    public void Create_Verifies_OverTheDetachedContentWithSha256AndTheSignerByIssuerAndSerial()
    {
        using var certificate = SelfSigned("CN=Nguyễn Văn An, O=Sở Tư pháp Hà Nội, C=VN");
        var key = new SigningKey(certificate, [], certificate.GetRSAPrivateKey()!);

        var cms = Decode(CadesSignature.Create(Content, key));

        cms.CheckSignature(verifySignatureOnly: true);
        Assert.True(cms.Detached);
        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        Assert.Equal(SubjectIdentifierType.IssuerAndSerialNumber, signer.SignerIdentifier.Type);
        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        Assert.Equal(certificate.Thumbprint, Assert.Single(cms.Certificates).Thumbprint);
    }

    [Fact]
    public void Create_OtherContent_DoesNotVerify()
    {
        using var certificate = SelfSigned("CN=Nguyễn Văn An");
        var signature = CadesSignature.Create(Content, new SigningKey(certificate, [], certificate.GetRSAPrivateKey()!));

        var cms = new SignedCms(new ContentInfo("%PDF-1.7 các dải byte đã sửa"u8.ToArray()), detached: true);
        cms.Decode(signature);

        Assert.ThrowsAny<CryptographicException>(() => cms.CheckSignature(verifySignatureOnly: true));
    }

    [Fact]
    public void Create_SignedAttributes_AreContentTypeDigestAndSigningCertificateV2_WithoutSigningTime()
    {
        using var certificate = SelfSigned("CN=Nguyễn Văn An");

        var cms = Decode(CadesSignature.Create(Content, new SigningKey(certificate, [], certificate.GetRSAPrivateKey()!)));

        var attributes = Assert.Single(cms.SignerInfos.Cast<SignerInfo>()).SignedAttributes.Cast<CryptographicAttributeObject>().Select(attribute => attribute.Oid.Value).ToList();
        Assert.Equal([SigningCertificateV2.Oid, "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4"], attributes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(SigningTime, attributes);
    }

    [Fact]
    public void Create_WithAChain_PutsTheCaInTheBag()
    {
        using var ca = SelfSigned("CN=Tổ chức chứng thực thử nghiệm, C=VN");
        using var certificate = SelfSigned("CN=Nguyễn Văn An");

        var cms = Decode(CadesSignature.Create(Content, new SigningKey(certificate, [ca], certificate.GetRSAPrivateKey()!)));

        var bag = cms.Certificates.Select(found => found.Thumbprint).ToList();
        Assert.Equal(2, bag.Count);
        Assert.Contains(ca.Thumbprint, bag);
        Assert.Contains(certificate.Thumbprint, bag);
    }

    [Fact]
    public void SizeFor_ARealSignature_FitsWithRoomToSpare()
    {
        using var ca = SelfSigned("CN=Tổ chức chứng thực thử nghiệm, C=VN");
        using var certificate = SelfSigned("CN=Nguyễn Văn An, O=Sở Tư pháp thành phố Hà Nội, L=Hà Nội, C=VN");
        var key = new SigningKey(certificate, [ca], certificate.GetRSAPrivateKey()!);

        Assert.InRange(CadesSignature.Create(Content, key).Length, 1, CadesSignature.SizeFor(key) - 1024);
    }

    [Fact]
    public void SigningCertificateV2_HoldsTheCertificatesHashIssuerAndSerial()
    {
        using var certificate = SelfSigned("CN=Sở Tư pháp Hà Nội, C=VN");

        var attribute = SigningCertificateV2.For(certificate);

        Assert.Equal("1.2.840.113549.1.9.16.2.47", attribute.Oid!.Value);
        var certs = new AsnReader(attribute.RawData, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        var id = certs.ReadSequence();
        // The hash first: its algorithm, SHA-256, is the default and so left out.
        Assert.Equal(SHA256.HashData(certificate.RawData), id.ReadOctetString());
        var issuerSerial = id.ReadSequence();
        var directoryName = issuerSerial.ReadSequence().ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true));
        Assert.Equal(certificate.IssuerName.RawData, directoryName.ReadEncodedValue().ToArray());
        Assert.Equal(certificate.SerialNumberBytes.ToArray(), issuerSerial.ReadIntegerBytes().ToArray());
        Assert.False(id.HasData);
        Assert.False(certs.HasData);
    }

    private static SignedCms Decode(byte[] signature)
    {
        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.Decode(signature);
        return cms;
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
