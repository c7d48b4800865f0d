using Etransactions.Functions.Signing;
using Etransactions.Functions.Signing.KeyVault;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.UnitTests.Signing;

/// <summary>The signing settings are checked when the app starts, each failure naming its setting.</summary>
public class SigningOptionsTests
{
    private const string Vault = "SIGNING_KEY_VAULT_URI";
    private const string Certificate = "SIGNING_CERTIFICATE_NAME";
    private const string Path = "SIGNING_PKCS12_PATH";
    private const string Password = "SIGNING_PKCS12_PASSWORD";

    [Fact]
    public void Validate_NothingSet_PassesAndSignsWithTheDevelopmentCertificate()
    {
        Assert.Empty(AppStart.Failures());

        using var provider = AppStart.Services(AppStart.LocalSettings());
        Assert.IsType<DevelopmentSigningKeys>(provider.GetRequiredService<ISigningKeySource>());
        Assert.IsType<PadesSigner>(provider.GetRequiredService<IPdfSigner>());
    }

    [Fact]
    public void Validate_VaultAndCertificate_PassesAndSignsInTheVaultWithoutAskingItYet()
    {
        var settings = AppStart.LocalSettings();
        settings[Vault] = "https://kv-etx.vault.azure.net";
        settings[Certificate] = "data-message-signing";

        Assert.Empty(AppStart.Failures(settings));
        using var provider = AppStart.Services(settings);
        // Built without a request: the vault's address does not even resolve.
        Assert.IsType<KeyVaultSigningKeys>(provider.GetRequiredService<ISigningKeySource>());
    }

    [Theory]
    [InlineData(Vault, "kv-etx.vault.azure.net", Certificate, "ky-so", $"App setting {Vault}: must be an absolute URL, got \"kv-etx.vault.azure.net\"")]
    [InlineData(Vault, "http://kv-etx.vault.azure.net", Certificate, "ky-so", $"App setting {Vault}: must be the vault's https address alone, such as https://kv-etx.vault.azure.net, got \"http://kv-etx.vault.azure.net\"")]
    [InlineData(Vault, "https://kv-etx.vault.azure.net/keys/ky-so", Certificate, "ky-so", $"App setting {Vault}: must be the vault's https address alone, such as https://kv-etx.vault.azure.net, got \"https://kv-etx.vault.azure.net/keys/ky-so\"")]
    [InlineData(Vault, "https://kv-etx.vault.azure.net", null, null, $"App setting {Certificate}: is missing: it names the signing certificate in {Vault}")]
    [InlineData(Vault, "https://kv-etx.vault.azure.net", Certificate, "chứng_thư", $"App setting {Certificate}: must be a Key Vault certificate name: 1-127 letters, digits and hyphens")]
    [InlineData(Certificate, "ky-so", null, null, $"App setting {Certificate}: is set without {Vault}, the vault that holds it")]
    [InlineData(Password, "mật khẩu", null, null, $"App setting {Password}: is set without {Path}, the file it opens")]
    public void Validate_BadSetting_FailsNamingIt(string name, string value, string? otherName, string? otherValue, string expected)
    {
        var failures = otherName is null ? AppStart.Failures((name, value)) : AppStart.Failures((name, value), (otherName, otherValue));

        Assert.Equal([expected], failures);
    }

    [Fact]
    public void Validate_VaultAndFileBoth_FailsNamingTheFile()
    {
        var failures = AppStart.Failures((Vault, "https://kv-etx.vault.azure.net"), (Certificate, "ky-so"), (Path, "/nowhere/ky-so.p12"));

        Assert.Equal([$"App setting {Path}: is set, and so is {Vault}: set one, the vault in Azure or the file elsewhere"], failures);
    }

    [Fact]
    public void Validate_OnAzureWithoutVault_RefusesTheDevelopmentCertificate()
    {
        var failures = AppStart.Failures((SigningOptions.AzureMarker, "func-etx-abc123"));

        Assert.Equal([$"App setting {Vault}: is missing: on Azure data messages are signed with the Key Vault certificate, never a development one"], failures);
    }

    [Fact]
    public void Validate_OnAzureWithAFile_RefusesTheFile()
    {
        var failures = AppStart.Failures((SigningOptions.AzureMarker, "func-etx-abc123"), (Path, "/home/site/ky-so.p12"));

        Assert.Equal([$"App setting {Path}: is refused on Azure, where the signing key stays in Key Vault: set {Vault} instead"], failures);
    }

    [Fact]
    public void Validate_OnAzureWithVault_Passes()
    {
        var failures = AppStart.Failures((SigningOptions.AzureMarker, "func-etx-abc123"), (Vault, "https://kv-etx.vault.azure.net/"), (Certificate, "data-message-signing"));

        Assert.Empty(failures);
    }
}
