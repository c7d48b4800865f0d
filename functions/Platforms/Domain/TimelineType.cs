namespace Etransactions.Functions.Platforms.Domain;

/// <summary>What happened, in a determination's timeline.</summary>
public enum TimelineType
{
    Started,
    Reopened,
    Reminder,
    Overdue,
    StatisticsReceived,
    Determined,
    Reported,
    Accepted,
    Returned,
}
