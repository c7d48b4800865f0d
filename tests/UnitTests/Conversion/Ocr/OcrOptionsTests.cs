using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Core;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.UnitTests.Conversion.Ocr;

/// <summary>DOCUMENT_INTELLIGENCE_ENDPOINT picks the engine; a bad value stops the app naming the setting.</summary>
public class OcrOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddOcr_EndpointUnset_GivesTesseract(string? endpoint)
    {
        using var services = Services(endpoint);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("tesseract", services.GetRequiredService<IOcrEngine>().Name);
    }

    [Fact]
    public void AddOcr_EndpointSet_GivesDocumentIntelligence()
    {
        using var services = Services("https://di-etx-abc.cognitiveservices.azure.com/");

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("azure-document-intelligence", services.GetRequiredService<IOcrEngine>().Name);
        Assert.Same(services.GetRequiredService<IOcrEngine>(), services.GetRequiredService<IOcrEngine>());
    }

    [Theory]
    [InlineData("http://di-etx-abc.cognitiveservices.azure.com", "must be an https:// URL")]
    [InlineData("/documentintelligence", "must be an https:// URL")]
    [InlineData("di-etx-abc.cognitiveservices.azure.com", "must be an absolute URL")]
    public void AddOcr_EndpointNotAnHttpsUrl_StopsTheAppNamingTheSetting(string endpoint, string problem)
    {
        using var services = Services(endpoint);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal([$"App setting DOCUMENT_INTELLIGENCE_ENDPOINT: {problem}, got \"{endpoint}\""], failure.Failures);
    }

    private static ServiceProvider Services(string? endpoint)
    {
        var settings = AppStart.LocalSettings();
        settings["DOCUMENT_INTELLIGENCE_ENDPOINT"] = endpoint;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCore(configuration).AddOcr(configuration);
        return services.BuildServiceProvider();
    }
}
