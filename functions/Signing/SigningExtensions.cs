using Etransactions.Functions.Signing.KeyVault;
using Etransactions.Functions.Core.Settings;
using Etransactions.Functions.Core.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Signing;

public static class SigningExtensions
{
    /// <summary>Where the development certificate is kept between runs: outside the repository, per machine.</summary>
    public static readonly string DevelopmentFolder = Path.Combine(Path.GetTempPath(), "etransactions-signing");

    public static FunctionsApplicationBuilder AddSigning(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddSigning(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// <see cref="IPdfSigner"/> with the key <see cref="SigningOptions"/> names: Key Vault when
    /// SIGNING_KEY_VAULT_URI is set, else the PKCS#12 file at SIGNING_PKCS12_PATH, else a development
    /// certificate (refused on Azure). Building them costs nothing: no key is read before the first signature.
    /// </summary>
    public static IServiceCollection AddSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppSettings<SigningOptions>(configuration)
            .PostConfigure(options => options.OnAzure = !string.IsNullOrWhiteSpace(configuration[SigningOptions.AzureMarker]));
        services.TryAddSingleton(KeySource);
        services.TryAddSingleton<IPdfSigner, PadesSigner>();
        return services;
    }

    private static ISigningKeySource KeySource(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SigningOptions>>().Value;
        var time = provider.GetRequiredService<TimeProvider>();
        var loggers = provider.GetRequiredService<ILoggerFactory>();
        return options.Kind switch
        {
            SigningKind.KeyVault => new KeyVaultSigningKeys(
                new KeyVaultClient(options.KeyVaultUri!, AppCredential.From(provider)),
                options.CertificateName!,
                time,
                loggers.CreateLogger<KeyVaultSigningKeys>()),
            SigningKind.Pkcs12File => new Pkcs12SigningKeys(options.Pkcs12Path!, options.Pkcs12Password),
            // The development key's file is kept in real time: the app's clock may be moved in a walk-through.
            _ => new DevelopmentSigningKeys(DevelopmentFolder, TimeProvider.System, loggers.CreateLogger<DevelopmentSigningKeys>()),
        };
    }
}
