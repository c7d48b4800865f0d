using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Platforms.Population;

/// <summary>
/// <c>GET /api/population/{year}</c> (the regulator): the year's official figure and all its versions. A
/// platform sees the figure its own determination used, in that determination.
/// </summary>
public sealed class GetPopulationFunction(ApiKeyAuthenticator authenticator, PopulationStore population, TimeProvider clock)
{
    public const string Name = "getPopulation";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/population/{year}")] HttpRequest request, string year)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequireRegulator();
        var figureYear = PopulationYear.Parse(year, clock.GetUtcNow());
        var versions = await population.VersionsAsync(figureYear, cancellation);
        if (versions is not [.., var current])
        {
            throw new NotFoundException($"Chưa có số liệu dân số năm {figureYear} / No population figure is recorded for {figureYear}.");
        }
        return TypedResults.Json(new { year = figureYear, current, versions }, AppJson.Options);
    }
}
