using Etransactions.Functions.Core.Durable;
using Etransactions.Functions.Platforms.Determinations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Platforms.SelfDetermination;

/// <summary>
/// Hourly on the app's clock (runnable by hand, <c>POST /admin/functions/checkSelfDeterminationDeadlines</c>):
/// raises <c>reminderDue</c> and <c>deadlinePassed</c> into the self-determinations that need them, read from
/// the determination records. Running it twice changes nothing: the orchestration ignores what it has handled.
/// </summary>
public sealed partial class CheckDeadlinesFunction(DeterminationStore determinations, TimeProvider clock, ILogger<CheckDeadlinesFunction> logger)
{
    public const string Name = "checkSelfDeterminationDeadlines";

    // NCRONTAB, six fields: at the top of every hour.
    public const string Schedule = "0 0 * * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var (reminders, deadlines) = (0, 0);
        foreach (var record in await determinations.ListAsync(cycle: null, cancellation))
        {
            switch (DeadlineCheck.Due(record, now))
            {
                case DueEvent.Reminder reminder:
                    await client.RaiseEventAsync(record.InstanceId, SelfDeterminationNames.ReminderDueEvent,
                        DurableEvents.Payload(new ReminderDueEvent(reminder.DaysBefore, now)), cancellation);
                    LogReminder(record.InstanceId, reminder.DaysBefore);
                    reminders++;
                    break;
                case DueEvent.DeadlinePassed:
                    await client.RaiseEventAsync(record.InstanceId, SelfDeterminationNames.DeadlinePassedEvent, DurableEvents.Payload(new DeadlinePassedEvent(now)), cancellation);
                    LogDeadline(record.InstanceId);
                    deadlines++;
                    break;
            }
        }
        LogChecked(now, reminders, deadlines);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {DaysBefore} days before the deadline due for {InstanceId}")]
    private partial void LogReminder(string instanceId, int daysBefore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline passed for {InstanceId} with nothing received")]
    private partial void LogDeadline(string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Self-determination deadlines checked at {Now:o}: {Reminders} reminders and {Deadlines} deadlines raised")]
    private partial void LogChecked(DateTimeOffset now, int reminders, int deadlines);
}
