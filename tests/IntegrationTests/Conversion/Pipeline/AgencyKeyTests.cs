using System.Net;
using static Etransactions.IntegrationTests.Conversion.Pipeline.KeyedCalls;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>The keys agencies retry their conversions with: issued by the regulator only.</summary>
[Collection(ConversionTests.Name)]
public sealed class AgencyKeyTests(SharedConversionApp shared)
{
    [Fact]
    public async Task AgencyKeys_AreIssuedByTheRegulatorOnly()
    {
        var http = shared.App.App.Http;
        var agency = ConversionApp.NewAgency();

        using var anonymous = await PostAsync(http, $"api/agencies/{agency}/keys", key: null);
        var agencyKey = await IssueKeyAsync(http, agency);
        using var byAgency = await PostAsync(http, $"api/agencies/{ConversionApp.NewAgency()}/keys", agencyKey);
        using var badCode = await PostAsync(http, "api/agencies/S%E1%BB%9F%20T%C6%B0%20ph%C3%A1p/keys", RegulatorKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith($"eta.{agency}.", agencyKey, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byAgency.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
    }
}
