using Etransactions.Functions.Core.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// One dossier's life, instance <c>dossier-{code}</c>: each action raised by <c>POST /api/dossiers/{code}/actions</c>
/// and each deadline signal raised by <see cref="CheckDossierDeadlinesFunction"/> is decided and written by an
/// activity, one at a time in the order they came, and every change is notified. The orchestration ends with
/// the dossier (refused, resolved, withdrawn, stopped); what arrived meanwhile is answered first. All I/O is in
/// activities, and the rules are in <see cref="DossierMachine"/>, so a replay decides nothing anew.
/// </summary>
public static class DossierWorkflow
{
    [Function(DossierNames.Orchestration)]
    public static Task<DossierWorkflowResult> Run([OrchestrationTrigger] TaskOrchestrationContext context, DossierWorkflowInput input) =>
        new DossierRun(context, input).RunAsync();
}

/// <summary>The state of one run of the workflow, rebuilt on every replay.</summary>
internal sealed class DossierRun(TaskOrchestrationContext context, DossierWorkflowInput input)
{
    // Activities touch storage, the signing key and the notification channel: a short outage is retried, not fatal.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    private readonly EventInbox<DossierCommand> _actions = new(context, DossierNames.ActionEvent);
    private readonly EventInbox<DeadlineSignal> _signals = new(context, DossierNames.SignalEvent);
    private DossierState _state = DossierState.Received;

    public async Task<DossierWorkflowResult> RunAsync()
    {
        await NotifyAsync(1);
        while (!_state.IsFinal())
        {
            if (!await HandleArrivedAsync())
            {
                await Task.WhenAny(_actions.Next, _signals.Next);
            }
        }
        await HandleArrivedAsync();
        return new DossierWorkflowResult(input.Code, DossierMachine.Name(_state));
    }

    /// <summary>Decides every event that has arrived, actions first; false when there was none.</summary>
    private async Task<bool> HandleArrivedAsync()
    {
        var handled = false;
        while (_actions.TryTake(out var command))
        {
            handled = true;
            if (command is not null)
            {
                await AfterAsync(await context.CallActivityAsync<ApplyResult>(DossierNames.Apply, new ApplyInput(input.Code, command), Retry));
            }
        }
        while (_signals.TryTake(out var signal))
        {
            handled = true;
            if (signal is not null)
            {
                await AfterAsync(await context.CallActivityAsync<ApplyResult>(DossierNames.ApplySignal, new SignalInput(input.Code, signal), Retry));
            }
        }
        return handled;
    }

    private async Task AfterAsync(ApplyResult result)
    {
        _state = result.State;
        if (result.Sequence is { } sequence)
        {
            await NotifyAsync(sequence);
        }
    }

    private Task NotifyAsync(int sequence) => context.CallActivityAsync(DossierNames.Notify, new NotifyInput(input.Code, sequence), Retry);
}
