using System.Text;
using System.Text.Json;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Dossiers.Submission;

/// <summary>
/// <c>POST /api/dossiers</c> (an applicant): receives a dossier and answers at once with the automatic
/// acknowledgement, 201 with its code and official receipt time (200 for a replay with the same Idempotency-Key),
/// then its workflow takes it from there.
/// </summary>
public sealed partial class SubmitDossierFunction(IActorAuthenticator authenticator, DossierIntake intake, TimeProvider clock, ILogger<SubmitDossierFunction> logger)
{
    public const string Name = "submitDossier";

    /// <summary>A few component files in base64.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dossiers")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        var key = request.Headers[IdempotencyKey.Header].FirstOrDefault();
        if (key is not null)
        {
            IdempotencyKey.Require(key);
        }
        var body = await JsonBody.ReadAsync<SubmissionBody>(request, MaxBodyBytes);
        var hash = DossierIntake.HashOf(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, AppJson.Options)));
        var receipt = await intake.ReceiveAsync(actor, body, hash, key, clock.GetUtcNow(), cancellation);
        var dossier = receipt.Dossier;
        // A replay long after the dossier ended (its workflow finished and purged) starts nothing.
        if (!dossier.State.IsFinal())
        {
            await DossierWorkflowStarter.EnsureAsync(client, dossier.Code, cancellation);
        }
        if (receipt.Created)
        {
            LogReceived(dossier.Code, dossier.ProcedureCode, dossier.ProcedureVersion, dossier.Components.Count);
        }
        return TypedResults.Json(new
        {
            dossier.Code,
            dossier.ReceivedAt,
            ReceivedAtVietnam = VietnamTime.Format(dossier.ReceivedAt),
            dossier.CountsFrom,
            receipt.IntakeDue,
            Procedure = new { Code = dossier.ProcedureCode, Version = dossier.ProcedureVersion },
            State = DossierMachine.Name(dossier.State),
            Components = dossier.Components.Select(c => new { c.Id, c.FileName, c.Bytes, c.Sha256 }),
            Status = $"{ApiBase.Of(request, 1)}/dossiers/{Uri.EscapeDataString(dossier.Code)}",
        }, AppJson.Options, statusCode: receipt.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code} received for procedure {Procedure} version {Version} with {Components} components")]
    private partial void LogReceived(string code, string procedure, int version, int components);
}
