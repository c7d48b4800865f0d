using System.Net;
using System.Security.Cryptography.X509Certificates;
using Etransactions.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Etransactions.IntegrationTests.Support;

/// <summary>
/// Where fakes of Azure REST APIs answer: Kestrel on 127.0.0.1 over https, with a certificate made at start
/// (<see cref="SelfSignedTls"/>) that only the test's own clients trust.
/// </summary>
internal sealed class LoopbackHttpsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private LoopbackHttpsServer(WebApplication app, X509Certificate2 certificate, Uri uri)
    {
        _app = app;
        Certificate = certificate;
        Uri = uri;
    }

    /// <summary>The certificate the server speaks https with.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary><c>https://127.0.0.1:{port}/</c></summary>
    public Uri Uri { get; }

    public static async Task<LoopbackHttpsServer> StartAsync(RequestDelegate answer)
    {
        var certificate = SelfSignedTls.CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackHttpsServer(app, certificate, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>Stops answering (a test may stop a fake to make its service unreachable); once only.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
            Certificate.Dispose();
        }
    }
}
