using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Actions;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Signing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// The dossier workflow's work: decide an action or a signal against the dossier as stored and write it (the
/// dossier, its history entry and the action's row together, If-Match the dossier as read), and notify. A retried
/// activity finds its action's row and does nothing twice.
/// </summary>
public sealed partial class DossierActivities(
    DossierStore dossiers, DossierReading reading, DossierFiles files, IPdfSigner signer, ResultDataMessages results, DossierNotices notices,
    ILogger<DossierActivities> logger)
{
    private const int MaxRounds = 20;

    [Function(DossierNames.Apply)]
    public async Task<ApplyResult> ApplyAsync([ActivityTrigger] ApplyInput input, CancellationToken cancellation)
    {
        var command = input.Command;
        for (var round = 1; ; round++)
        {
            var (stored, _, machine) = await reading.ReadAsync(input.Code, cancellation);
            if (await dossiers.OutcomeAsync(input.Code, command.ActionId, cancellation) is { } outcome)
            {
                return new ApplyResult(outcome.Sequence, stored.Dossier.State);
            }
            Decision decision;
            try
            {
                decision = machine.Decide(stored.Dossier, command);
            }
            catch (ProblemException refused)
            {
                await dossiers.RefuseAsync(input.Code, command.ActionId, refused.Kind.Status, refused.Message,
                    refused.Extensions.TryGetValue("state", out var state) ? state as string : null, cancellation);
                LogRefused(input.Code, DossierMachine.Name(command.Action), refused.Kind.Status, refused.Message);
                return new ApplyResult(null, stored.Dossier.State);
            }
            var next = await CompleteDocumentsAsync(decision, command, cancellation);
            if (await dossiers.SaveAsync(next, stored.ETag, decision.Entry, cancellation))
            {
                LogApplied(input.Code, decision.Entry.Event, DossierMachine.Name(next.State), decision.Entry.Sequence);
                return new ApplyResult(decision.Entry.Sequence, next.State);
            }
            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Dossier {input.Code} kept changing while {command.ActionId} was applied.");
            }
        }
    }

    [Function(DossierNames.ApplySignal)]
    public async Task<ApplyResult> ApplySignalAsync([ActivityTrigger] SignalInput input, CancellationToken cancellation)
    {
        for (var round = 1; ; round++)
        {
            var (stored, _, machine) = await reading.ReadAsync(input.Code, cancellation);
            if (machine.Signal(stored.Dossier, input.Signal) is not { } decision)
            {
                return new ApplyResult(null, stored.Dossier.State);
            }
            if (await dossiers.SaveAsync(decision.Next, stored.ETag, decision.Entry, cancellation))
            {
                LogApplied(input.Code, decision.Entry.Event, DossierMachine.Name(decision.Next.State), decision.Entry.Sequence);
                return new ApplyResult(decision.Entry.Sequence, decision.Next.State);
            }
            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Dossier {input.Code} kept changing while a deadline signal was applied.");
            }
        }
    }

    [Function(DossierNames.Notify)]
    public async Task NotifyAsync([ActivityTrigger] NotifyInput input, CancellationToken cancellation)
    {
        var context = await reading.ReadAsync(input.Code, cancellation);
        var entry = (await dossiers.HistoryAsync(input.Code, cancellation)).FirstOrDefault(e => e.Sequence == input.Sequence);
        if (entry is not null)
        {
            await notices.SendAsync(context.Dossier, entry, context.Machine, cancellation);
        }
    }

    /// <summary>Signing puts the agency's signature on the draft (PAdES, as for converted documents); issuing returns the result.</summary>
    private async Task<Dossier> CompleteDocumentsAsync(Decision decision, DossierCommand command, CancellationToken cancellation)
    {
        var next = decision.Next;
        if (decision.SignDraft && next.Draft is { } draft)
        {
            var signed = await signer.SignAsync(await files.ReadAsync(draft.Path, cancellation),
                new SignatureRequest($"Kết quả giải quyết hồ sơ {next.Code} / Result of dossier {next.Code}", command.Actor.Name, next.Agency, command.At), cancellation);
            var (path, sha256) = await files.StoreDocumentAsync(next.Code, "result", signed.Pdf, cancellation);
            next = next with { Prepared = new IssuedDocument("result", path, sha256, true, command.At) };
        }
        if (command.Action == DossierAction.Issue)
        {
            var result = next.Prepared ?? (next.Draft is { } unsigned ? unsigned with { Name = "result" } : null);
            if (result is not null)
            {
                var code = await results.RegisterAsync(next, await files.ReadAsync(result.Path, cancellation), cancellation);
                next = next with { Documents = [.. next.Documents, result with { At = command.At, DataMessage = code }], Prepared = null };
            }
        }
        return next;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code}: {Event}, now {State} (history {Sequence})")]
    private partial void LogApplied(string code, string @event, string state, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code}: {Action} refused with {Status}: {Detail}")]
    private partial void LogRefused(string code, string action, int status, string detail);
}
