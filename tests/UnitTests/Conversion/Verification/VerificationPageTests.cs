using Etransactions.Functions.Conversion.Verification;
using Etransactions.Functions.Core.InformationSystem;
using Etransactions.Functions.Signing.Validation;

namespace Etransactions.UnitTests.Conversion.Verification;

public sealed class VerificationPageTests
{
    private static readonly InformationSystemOptions System = new() { Name = "Cổng <dịch vụ> công", Administrator = "Văn phòng & UBND" };

    private static readonly VerifiedMessage Message = new(
        "K7Q-M4T-ZP5", Converted: true, Title: null, Issuer: null, new DateTimeOffset(2026, 12, 2, 3, 4, 5, TimeSpan.Zero),
        "Nguyễn \"Văn\" <An>", "SOTP/2026/1", 2, new string('a', 64), 1234, new string('b', 64),
        [new PdfSignatureCheck("Signature1", "ETSI.CAdES.detached", "Sở Tư pháp", "CN=Sở Tư pháp", new DateTimeOffset(2026, 12, 2, 3, 4, 6, TimeSpan.Zero), true, true, true, true, SignatureStatus.Valid, null)],
        [new IssuedCopy("SOTP/2026/2", new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero))]);

    [Fact]
    public void Render_Found_EscapesEveryValue_AndLoadsNothing()
    {
        var html = VerificationPage.Render(new VerificationOutcome.Found(Message), VerificationText.Vietnamese, System, "/verify");

        Assert.Contains("Nguyễn &quot;Văn&quot; &lt;An&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Cổng &lt;dịch vụ&gt; công", html, StringComparison.Ordinal);
        Assert.Contains("Văn phòng &amp; UBND", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Contains("02/12/2026 10:04:05", html, StringComparison.Ordinal);
        Assert.Contains("Số SOTP/2026/2", html, StringComparison.Ordinal);
        Assert.Contains("1.234 byte", html, StringComparison.Ordinal);
        Assert.Contains("Chữ ký hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/verify/K7Q-M4T-ZP5?lang=en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChangedAfterSigning_SaysSoInPlainWords()
    {
        var changed = Message with { Signatures = [Message.Signatures[0] with { CoversWholeDocument = false, CertificateTrusted = false }] };

        var html = VerificationPage.Render(new VerificationOutcome.Found(changed), VerificationText.English, System, "/verify");

        Assert.Contains("content was added to the document after it was signed", html, StringComparison.Ordinal);
        Assert.Contains("is not on the system&#39;s trust list", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Mistyped_KeepsWhatWasTypedInTheFormAndMarksItInvalid()
    {
        var html = VerificationPage.Render(new VerificationOutcome.Mistyped("K7Q\"><b>", "Sai", "Wrong check"), VerificationText.English, System, "/verify");

        Assert.Contains("value=\"K7Q&quot;&gt;&lt;b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Wrong check", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentSecurityPolicy_AllowsNothingButItsStyleAndItsOwnForm()
    {
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", VerificationPage.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", VerificationPage.ContentSecurityPolicy, StringComparison.Ordinal);
    }
}
