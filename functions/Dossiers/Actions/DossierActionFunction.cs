using Etransactions.Functions.Core.Durable;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>
/// <c>POST /api/dossiers/{code}/actions</c> (the applicant or an officer): checks the action at once against the
/// dossier as stored (403 for the wrong person, 409 naming the state, 400 for a missing field), stores its files,
/// hands it to the dossier's workflow and answers once the workflow has decided it: 200 with the history entry and
/// the dossier's status, the workflow's refusal if it refused, or 202 if it has not decided yet. An Idempotency-Key
/// makes a replay the same action.
/// </summary>
public sealed partial class DossierActionFunction(
    IActorAuthenticator authenticator, DossierReading reading, DossierStore dossiers, DossierActionFiles actionFiles,
    TimeProvider clock, ILogger<DossierActionFunction> logger)
{
    public const string Name = "dossierAction";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dossiers/{code}/actions")] HttpRequest request, string code,
        [DurableClient] DurableTaskClient client)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        var context = await reading.ReadAsync(code, cancellation);
        actor.RequireReader(context.Dossier);
        var key = request.Headers[IdempotencyKey.Header].FirstOrDefault();
        if (key is not null)
        {
            IdempotencyKey.Require(key);
            if (await dossiers.OutcomeAsync(code, key, cancellation) is { } replayed)
            {
                return await AnswerAsync(request, code, replayed, cancellation);
            }
        }
        var body = await JsonBody.ReadAsync<ActionBody>(request, Submission.SubmitDossierFunction.MaxBodyBytes);
        var command = new DossierCommand(key ?? Guid.NewGuid().ToString("N"), body.Action, clock.GetUtcNow(),
            new ActorRef(actor.Subject, actor.Name, [.. actor.Roles], actor.Agency), body.Reason?.Trim(), body.To?.Trim(), body.Missing, body.NewDate, Reference: body.Reference?.Trim());
        var files = actionFiles.Check(context.Procedure, body);
        // The rules first, with the files' places held: nothing is stored for an action that is refused.
        context.Machine.Decide(context.Dossier, files.Placeholder(command));
        command = await files.StoreAsync(command, code, cancellation);
        // A submission whose workflow failed to start (the request cut short after the dossier was stored) gets it now,
        // so that its actions are not raised into nothing.
        await DossierWorkflowStarter.EnsureAsync(client, code, cancellation);
        await client.RaiseEventAsync(DossierNames.InstanceId(code), DossierNames.ActionEvent, DurableEvents.Payload(command), cancellation);
        LogRaised(code, DossierMachine.Name(command.Action), actor.Subject);
        var outcome = await WaitForAsync(code, command.ActionId, cancellation);
        return outcome is null
            ? TypedResults.Json(new { command.ActionId, Status = "pending", Dossier = $"{ApiBase.Of(request, 3)}/dossiers/{Uri.EscapeDataString(code)}" },
                AppJson.Options, statusCode: StatusCodes.Status202Accepted)
            : await AnswerAsync(request, code, outcome, cancellation);
    }

    private async Task<ActionOutcome?> WaitForAsync(string code, string actionId, CancellationToken cancellation)
    {
        var until = DateTime.UtcNow + Wait;
        var pause = TimeSpan.FromMilliseconds(50);
        while (DateTime.UtcNow < until)
        {
            if (await dossiers.OutcomeAsync(code, actionId, cancellation) is { } outcome)
            {
                return outcome;
            }
            await Task.Delay(pause, cancellation);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
        }
        return null;
    }

    private async Task<IResult> AnswerAsync(HttpRequest request, string code, ActionOutcome outcome, CancellationToken cancellation)
    {
        if (outcome.Sequence is not { } sequence)
        {
            throw Refusal(outcome);
        }
        var context = await reading.ReadAsync(code, cancellation);
        var history = await dossiers.HistoryAsync(code, cancellation);
        return TypedResults.Json(new
        {
            Applied = sequence,
            Dossier = DossierView.Of(context.Dossier, history, context.Procedure, context.Machine, clock.GetUtcNow(), ApiBase.Of(request, 3)),
        }, AppJson.Options);
    }

    private static ProblemException Refusal(ActionOutcome outcome)
    {
        ProblemException problem = outcome.Status switch
        {
            403 => new ForbiddenException(outcome.Detail ?? ""),
            400 => new ValidationFailedException([new FieldError("action", outcome.Detail ?? "")]),
            _ => new ConflictException(outcome.Detail ?? ""),
        };
        if (outcome.State is { } state)
        {
            problem.Extensions["state"] = state;
        }
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code}: {Action} by {Subject} handed to its workflow")]
    private partial void LogRaised(string code, string action, string subject);
}
