using Etransactions.Functions.Conversion.Documents.Inspection;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.Functions.Signing;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Conversion.Electronic;
using Etransactions.Functions.Conversion.PaperCopies;
using Etransactions.Functions.Conversion.Verification;
using Etransactions.Functions.Core.Settings;
using Etransactions.Functions.Register;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.Functions.Conversion;

public static class ConversionExtensions
{
    /// <summary>Paper document → data message (Decree 137 Art. 4) and the lookup by code (Art. 5.1.b).</summary>
    public static FunctionsApplicationBuilder AddConversion(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddConversion(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddConversion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<ConversionOptions>(configuration);
        services.AddOcr(configuration);
        services.AddSigning(configuration);
        services.AddSingleton(provider => new Lazy<IOcrEngine>(provider.GetRequiredService<IOcrEngine>));
        services.AddSingleton(provider => new Lazy<IPdfSigner>(provider.GetRequiredService<IPdfSigner>));
        services.AddSingleton<ConversionRegistry>();
        services.AddSingleton<ConversionStore>();
        services.AddSingleton<ScanInspector>();
        services.AddSingleton<DataMessageBuilder>();
        services.AddSingleton<DataMessagePublisher>();
        services.AddSingleton<ScanConverter>();
        services.AddRegister(configuration);
        services.AddSingleton<PaperCopyStore>();
        services.AddSingleton<PaperCopyIssuer>();
        services.AddSingleton<VerificationLookup>();
        services.AddSingleton<DocumentIntake>();
        return services.AddSingleton<ConversionLookups>();
    }
}
