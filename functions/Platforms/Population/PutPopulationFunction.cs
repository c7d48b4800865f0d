using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Platforms.Population;

/// <summary><c>PUT /api/population/{year}</c> (the regulator): records the official figure; 201 for a new version, 200 when it is unchanged.</summary>
public sealed partial class PutPopulationFunction(
    ApiKeyAuthenticator authenticator, PopulationStore population, TimeProvider clock, IOptions<PlatformsOptions> options, ILogger<PutPopulationFunction> logger)
{
    public const string Name = "putPopulation";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/population/{year}")] HttpRequest request, string year)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequireRegulator();
        var now = clock.GetUtcNow();
        var figureYear = PopulationYear.Parse(year, now);
        var body = await JsonBody.ReadAsync<PopulationBody>(request, options.Value.MaxBodyBytes);
        body.RequireAnnouncedBy(now);
        var (figure, created) = await population.PutAsync(figureYear, body, now, cancellation);
        if (created)
        {
            LogRecorded(figureYear, figure.Version, figure.Value, figure.Source);
        }
        return TypedResults.Json(
            new { figure.Year, figure.Version, figure.Value, figure.Source, figure.AnnouncedOn, figure.RecordedAt, changed = created },
            AppJson.Options,
            statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Population {Year} version {Version}: {Value} ({Source})")]
    private partial void LogRecorded(int year, int version, long value, string source);
}
