using Etransactions.Functions.Core;
using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Etransactions.Functions.Conversion;

namespace Etransactions.Functions.Signing.KeyVault;

/// <summary>
/// The two Key Vault REST calls signing needs, through Azure.Core's pipeline (bearer token, retries, logging):
/// read a certificate, and sign a SHA-256 digest with its key. The private key never leaves the vault.
/// Throttling and server errors that outlast the retries are a <see cref="TransientException"/>; any other
/// refusal is an <see cref="InvalidOperationException"/> that says what to fix.
/// </summary>
public sealed class KeyVaultClient
{
    public const string Scope = "https://vault.azure.net/.default";

    private readonly Uri _vault;
    private readonly HttpPipeline _pipeline;

    public KeyVaultClient(Uri vault, TokenCredential credential, KeyVaultClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vault);
        options ??= new KeyVaultClientOptions();
        options.RetryPolicy ??= new KeyVaultRetryPolicy(
            options.Retry.MaxRetries,
            DelayStrategy.CreateExponentialDelayStrategy(options.Retry.Delay, options.Retry.MaxDelay),
            options.LongestWait);
        _vault = vault;
        _pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    public Uri Vault => _vault;

    /// <summary>GET /certificates/{name}: the current version's certificate (<c>cer</c>) and key id (<c>kid</c>).</summary>
    public async Task<VaultCertificate> GetCertificateAsync(string name, CancellationToken cancellation)
    {
        using var message = Message(RequestMethod.Get, new Uri(_vault, $"certificates/{Uri.EscapeDataString(name)}"));
        var doing = $"reading certificate {name}";
        await SendAsync(message, doing, cancellation);
        using var json = JsonDocument.Parse(message.Response.Content.ToMemory());
        if (!json.RootElement.TryGetProperty("cer", out var cer) || !json.RootElement.TryGetProperty("kid", out var kid))
        {
            throw new InvalidOperationException($"Key Vault {_vault} has certificate {name} without its certificate or key yet: is it still pending?");
        }

        var keyId = new Uri(kid.GetString()!);
        // The bearer token goes wherever kid points: only to the vault itself.
        if (!keyId.Scheme.Equals(Uri.UriSchemeHttps, StringComparison.Ordinal) || !keyId.Authority.Equals(_vault.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Key Vault {_vault} gave certificate {name} a key at another address: {keyId}");
        }

        return new VaultCertificate(X509CertificateLoader.LoadCertificate(cer.GetBytesFromBase64()), keyId);
    }

    /// <summary>
    /// POST {kid}/sign with RS256: RSASSA-PKCS1-v1_5 over the SHA-256 <paramref name="digest"/>. Synchronous,
    /// because its caller is <see cref="System.Security.Cryptography.RSA.SignHash(byte[], System.Security.Cryptography.HashAlgorithmName, System.Security.Cryptography.RSASignaturePadding)"/>.
    /// </summary>
    public byte[] SignDigest(Uri keyId, byte[] digest, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        using var message = Message(RequestMethod.Post, new Uri($"{keyId.AbsoluteUri.TrimEnd('/')}/sign"));
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(new { alg = "RS256", value = Base64Url.EncodeToString(digest) });
        Send(message, $"signing with key {keyId}", cancellation);
        using var json = JsonDocument.Parse(message.Response.Content.ToMemory());
        return Base64Url.DecodeFromChars(json.RootElement.GetProperty("value").GetString());
    }

    private HttpMessage Message(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Uri.AppendQuery("api-version", KeyVaultClientOptions.ApiVersion);
        return message;
    }

    private async Task SendAsync(HttpMessage message, string doing, CancellationToken cancellation)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellation);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellation))
        {
            throw Unreachable(exception, doing);
        }

        ThrowIfFailed(message.Response, doing);
    }

    private void Send(HttpMessage message, string doing, CancellationToken cancellation)
    {
        try
        {
            _pipeline.Send(message, cancellation);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellation))
        {
            throw Unreachable(exception, doing);
        }

        ThrowIfFailed(message.Response, doing);
    }

    // No answer at all (connection refused, TLS, a timeout that was not the caller's cancellation), once or
    // on every try: after its retries the pipeline throws them together.
    private static bool IsUnreachable(Exception exception, CancellationToken cancellation) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        OperationCanceledException => !cancellation.IsCancellationRequested,
        AggregateException all => all.InnerExceptions.All(inner => IsUnreachable(inner, cancellation)),
        _ => false,
    };

    private TransientException Unreachable(Exception exception, string doing) =>
        new($"Key Vault {_vault} did not answer while {doing}: {exception.Message}; try again later", inner: exception);

    private void ThrowIfFailed(Response response, string doing)
    {
        if (!response.IsError)
        {
            return;
        }

        var said = $"{response.Status} {KeyVaultError.Describe(response)}";
        throw response.Status switch
        {
            429 or >= 500 => new TransientException($"Key Vault {_vault} failed while {doing} ({said}); try again later", RetryAfter.Of(response)),
            401 => new InvalidOperationException($"Key Vault {_vault} refused the app's token while {doing} ({said})"),
            403 => new InvalidOperationException($"Key Vault {_vault} refused the app's identity while {doing} ({said}): it needs the roles Key Vault Certificate User and Key Vault Crypto User"),
            404 => new InvalidOperationException($"Key Vault {_vault} found nothing while {doing} ({said}): check SIGNING_CERTIFICATE_NAME"),
            _ => new InvalidOperationException($"Key Vault {_vault} refused the request while {doing} ({said})"),
        };
    }
}
