using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary><c>GET /api/dossiers/{code}</c> (its applicant, its agency, the regulator): the dossier's status by code.</summary>
public sealed class GetDossierFunction(IActorAuthenticator authenticator, DossierReading reading, DossierStore dossiers, TimeProvider clock)
{
    public const string Name = "getDossier";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dossiers/{code}")] HttpRequest request, string code)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        var context = await reading.ReadAsync(code, cancellation);
        actor.RequireReader(context.Dossier);
        var history = await dossiers.HistoryAsync(code, cancellation);
        return TypedResults.Json(DossierView.Of(context.Dossier, history, context.Procedure, context.Machine, clock.GetUtcNow(), ApiBase.Of(request, 2)), AppJson.Options);
    }
}
