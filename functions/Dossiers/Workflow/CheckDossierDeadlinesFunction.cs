using Etransactions.Functions.Core.Durable;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Dossiers.Workflow;

/// <summary>
/// Every quarter hour on the app's clock (runnable by hand, <c>POST /admin/functions/checkDossierDeadlines</c>):
/// for each dossier in processing, asks for the apology one working day before its appointment date and flags it
/// overdue once that has passed, as signals into its workflow. The dates are computed now, from the calendar in
/// force, so a late change to the calendar is followed. Running it twice changes nothing: the workflow ignores a
/// signal for a date it has handled.
/// </summary>
public sealed partial class CheckDossierDeadlinesFunction(
    DossierStore dossiers, ProcedureStore procedures, CalendarStore calendars, TimeProvider clock, ILogger<CheckDossierDeadlinesFunction> logger)
{
    public const string Name = "checkDossierDeadlines";

    // NCRONTAB, six fields: every fifteen minutes.
    public const string Schedule = "0 */15 * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.CurrentAsync(cancellation);
        var versions = new Dictionary<(string, int), Procedure?>();
        var raised = 0;
        await foreach (var dossier in dossiers.OpenAsync(cancellation))
        {
            var key = (dossier.ProcedureCode, dossier.ProcedureVersion);
            if (!versions.TryGetValue(key, out var procedure))
            {
                versions[key] = procedure = await procedures.VersionAsync(dossier.ProcedureCode, dossier.ProcedureVersion, cancellation);
            }
            if (procedure is null || DeadlineSignals.Due(dossier, new Deadlines(calendar, procedure.Definition.TimeLimit), calendar, now) is not { } signal)
            {
                continue;
            }
            await client.RaiseEventAsync(DossierNames.InstanceId(dossier.Code), DossierNames.SignalEvent, DurableEvents.Payload(signal), cancellation);
            LogSignal(dossier.Code, signal.Kind.ToString(), signal.Due);
            raised++;
        }
        LogChecked(now, raised);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier {Code}: {Kind} for the appointment at {Due:o}")]
    private partial void LogSignal(string code, string kind, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier deadlines checked at {Now:o}: {Raised} signals raised")]
    private partial void LogChecked(DateTimeOffset now, int raised);
}
