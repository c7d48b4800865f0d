using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>The body of <c>POST /api/dossiers/{code}/rating</c>.</summary>
public sealed record RatingBody([property: Range(1, 5, ErrorMessage = "A score from 1 (very dissatisfied) to 5 (very satisfied).")] int Score, [property: Text(2000)] string? Comment = null);

/// <summary>
/// <c>POST /api/dossiers/{code}/rating</c> (its applicant, once the result is returned): the applicant's
/// satisfaction, once per dossier; 201, or 409 when it was rated already.
/// </summary>
public sealed class RateDossierFunction(IActorAuthenticator authenticator, DossierReading reading, DossierStore dossiers, TimeProvider clock)
{
    public const string Name = "rateDossier";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dossiers/{code}/rating")] HttpRequest request, string code)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        var dossier = (await reading.ReadAsync(code, cancellation)).Dossier;
        if (!actor.Has(Roles.Applicant) || actor.Subject != dossier.ApplicantSubject)
        {
            throw new ForbiddenException("Chỉ người nộp hồ sơ được đánh giá / Only the dossier's applicant may rate it.");
        }
        if (dossier.State != DossierState.Resolved)
        {
            throw DossierMachine.InState(dossier.State, $"Hồ sơ chưa có kết quả / The dossier is {DossierMachine.Name(dossier.State)}: it is rated once its result is returned.");
        }
        var body = await JsonBody.ReadAsync<RatingBody>(request);
        var (kept, created) = await dossiers.RateAsync(dossier, new Rating(code, body.Score, body.Comment?.Trim(), clock.GetUtcNow()), cancellation);
        if (!created)
        {
            throw new ConflictException($"Hồ sơ {code} đã được đánh giá lúc {Core.VietnamTime.Format(kept.At)} / Dossier {code} was rated already.");
        }
        return TypedResults.Json(new { kept.Code, kept.Score, kept.Comment, kept.At }, AppJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
