using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Etransactions.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>
/// Azure Key Vault's certificate and key REST API (7.4) on 127.0.0.1 over https, for one certificate whose
/// private key stays in the "vault": a bearer challenge (401 with WWW-Authenticate) without the right token,
/// GET the certificate, GET the key refused (a sign-only role), POST sign with RS256. <see cref="SignAnswers"/>
/// scripts the sign answers (throttling, errors); each request is recorded with the time it came.
/// </summary>
internal sealed class FakeKeyVault : IAsyncDisposable
{
    public const string Token = "vault-token";
    public const string Version = "0123456789abcdef0123456789abcdef";

    private readonly string _certificateName;
    private readonly X509Certificate2 _certificate;
    private readonly RSA _key;
    private LoopbackHttpsServer _server = null!;

    private FakeKeyVault(string certificateName, X509Certificate2 certificate, RSA key)
    {
        _certificateName = certificateName;
        _certificate = certificate;
        _key = key;
    }

    public Uri Uri => _server.Uri;

    /// <summary>The certificate the fake serves https with: the only one the test's client trusts.</summary>
    public X509Certificate2 Tls => _server.Certificate;

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Answers to the next sign requests, in order; once empty, each is signed.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> SignAnswers { get; } = new();

    public Uri KeyId => new(Uri, $"keys/{_certificateName}/{Version}");

    /// <param name="key">The vault's key; another than the certificate's to fake a mismatched vault.</param>
    public static async Task<FakeKeyVault> StartAsync(string certificateName, X509Certificate2 certificate, RSA key)
    {
        var vault = new FakeKeyVault(certificateName, certificate, key);
        vault._server = await LoopbackHttpsServer.StartAsync(vault.AnswerAsync);
        return vault;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue(new(context.Request.Method, path, context.Request.Query["api-version"].ToString(),
            context.Request.Headers.Authorization.ToString(), body.Length > 0 ? JsonNode.Parse(body) : null, DateTimeOffset.UtcNow));

        if (context.Request.Headers.Authorization != $"Bearer {Token}")
        {
            context.Response.Headers.WWWAuthenticate =
                "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"";
            await Error(context, 401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path.TrimEnd('/') == $"/certificates/{_certificateName}")
        {
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = new Uri(Uri, $"certificates/{_certificateName}/{Version}").AbsoluteUri,
                ["kid"] = KeyId.AbsoluteUri,
                ["sid"] = new Uri(Uri, $"secrets/{_certificateName}/{Version}").AbsoluteUri,
                ["cer"] = Convert.ToBase64String(_certificate.RawData),
                ["attributes"] = new JsonObject { ["enabled"] = true, ["created"] = 1741900000, ["recoveryLevel"] = "Recoverable" },
            });
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith($"/keys/{_certificateName}", StringComparison.Ordinal))
        {
            await Error(context, 403, "Forbidden", "Caller is not authorized to perform action on resource: get");
        }
        else if (HttpMethods.IsPost(context.Request.Method) && path == $"/keys/{_certificateName}/{Version}/sign")
        {
            await SignAsync(context, JsonNode.Parse(body)!);
        }
        else
        {
            await Error(context, 404, "NotFound", $"No {context.Request.Method} {path}");
        }
    }

    private async Task SignAsync(HttpContext context, JsonNode request)
    {
        if (SignAnswers.TryDequeue(out var answer))
        {
            if (answer.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            await Error(context, answer.Status, answer.Status == 429 ? "Throttled" : "InternalError", "Scripted answer");
            return;
        }

        if (request["alg"]?.GetValue<string>() != "RS256")
        {
            await Error(context, 400, "BadParameter", "alg");
            return;
        }

        var digest = Base64Url.DecodeFromChars(request["value"]!.GetValue<string>());
        var signature = _key.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["kid"] = KeyId.AbsoluteUri, ["value"] = Base64Url.EncodeToString(signature) });
    }

    private static Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }

    public sealed record Request(string Method, string Path, string ApiVersion, string Authorization, JsonNode? Body, DateTimeOffset At);
}
