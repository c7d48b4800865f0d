using Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;
using Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;
using Etransactions.Functions.Core.Settings;
using Etransactions.Functions.Core.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Conversion.Documents.Ocr;

public static class OcrExtensions
{
    public static FunctionsApplicationBuilder AddOcr(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddOcr(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The OCR engine: Document Intelligence when DOCUMENT_INTELLIGENCE_ENDPOINT is set (as the app's managed
    /// identity, the one AzureWebJobsStorage__clientId names), the local tesseract otherwise. The engine is
    /// built when first asked for and does nothing until its first document, so a scan rejected before OCR
    /// never starts one. <see cref="TesseractOptions"/> and <see cref="DocumentIntelligenceOptions"/> may be
    /// registered before this to change how they run.
    /// </summary>
    public static IServiceCollection AddOcr(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<OcrOptions>(configuration);
        services.TryAddSingleton(new TesseractOptions());
        services.TryAddSingleton(new DocumentIntelligenceOptions());
        services.TryAddSingleton<IOcrEngine>(provider =>
            provider.GetRequiredService<IOptions<OcrOptions>>().Value.DocumentIntelligenceEndpoint is { } endpoint
                ? new DocumentIntelligenceEngine(
                    endpoint,
                    AppCredential.From(provider),
                    provider.GetRequiredService<DocumentIntelligenceOptions>(),
                    provider.GetRequiredService<ILogger<DocumentIntelligenceEngine>>())
                : new TesseractEngine(provider.GetRequiredService<TesseractOptions>(), provider.GetRequiredService<ILogger<TesseractEngine>>()));
        return services;
    }
}
