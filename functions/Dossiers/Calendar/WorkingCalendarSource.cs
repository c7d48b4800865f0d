namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>Placeholder until the calendar store lands: plain Monday to Friday.</summary>
public sealed class WorkingCalendarSource
{
    private readonly WorkingTime _plain = new();

    public Task<WorkingTime> CurrentAsync(CancellationToken cancellation) => Task.FromResult(_plain);
}
