using Etransactions.Functions.Conversion.Documents.Ocr;

namespace Etransactions.UnitTests.Conversion.Ocr;

public class OcrLanguageTests
{
    [Theory]
    [InlineData("vie")]
    [InlineData("vie+eng")]
    [InlineData("eng+vie")]
    [InlineData("chi_sim+eng")]
    public void IsValid_TesseractLanguages_AreAccepted(string language) => Assert.True(OcrLanguage.IsValid(language));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("vi")]
    [InlineData("VIE")]
    [InlineData("vie+")]
    [InlineData("vie,eng")]
    [InlineData("vie\n")]
    [InlineData("vie+eng -c tessedit_write_images=1")]
    [InlineData("../../etc/passwd")]
    public void IsValid_AnythingElse_IsRefused(string? language) => Assert.False(OcrLanguage.IsValid(language));

    [Fact]
    public void Codes_InvalidLanguage_ThrowsNamingIt()
    {
        var failure = Assert.Throws<ArgumentException>(() => OcrLanguage.Codes("vie;eng"));

        Assert.Contains("\"vie;eng\"", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["vie", "eng"], OcrLanguage.Codes("vie+eng"));
    }
}
