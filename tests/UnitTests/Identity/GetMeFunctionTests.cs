using System.Text;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Identity;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.UnitTests.Identity;

public sealed class GetMeFunctionTests
{
    [Fact]
    public async Task ATestToken_IsAcceptedByTheAppsServices_AndTheActorIsAnswered()
    {
        using var services = AppStart.Services(AppStart.LocalSettings());
        var function = ActivatorUtilities.CreateInstance<GetMeFunction>(services);
        var token = TestTokens.For("can-bo-1", "Trần Văn Nam", [Roles.Signer, Roles.Receiver], "000.00.00.H26");

        var request = TestTokens.Request(token);
        request.HttpContext.RequestServices = services;
        request.HttpContext.Response.Body = new MemoryStream();

        await (await function.Run(request)).ExecuteAsync(request.HttpContext);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Equal(
            "{\"sub\":\"can-bo-1\",\"name\":\"Trần Văn Nam\",\"roles\":[\"receiver\",\"signer\"],\"agency\":\"000.00.00.H26\"}",
            Encoding.UTF8.GetString(((MemoryStream)request.HttpContext.Response.Body).ToArray()));
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task NoToken_Is401()
    {
        using var services = AppStart.Services(AppStart.LocalSettings());
        var function = ActivatorUtilities.CreateInstance<GetMeFunction>(services);

        await Assert.ThrowsAsync<UnauthorizedException>(() => function.Run(TestTokens.RequestWith(null)));
    }
}
