namespace Etransactions.Functions.Dossiers.Reports;

/// <summary>
/// One agency's dossiers in one month (Decree 42 Art. 16; the operational report of the provincial systems):
/// received (carried over, new by channel), resolved (early, on time, late), in progress and paused at the
/// month's end (within the deadline or overdue), refused, withdrawn and stopped in the month, the average
/// resolution time per procedure, the online rate and the applicants' satisfaction.
/// </summary>
public sealed record MonthlyReport(
    string Agency,
    string Month,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset ComputedAt,
    ReceivedFigures Received,
    TimingFigures Resolved,
    DeadlineFigures InProgress,
    DeadlineFigures Paused,
    int Refused,
    int Withdrawn,
    int Stopped,
    IReadOnlyList<ProcedureFigures> AverageResolution,
    double? OnlineRate,
    SatisfactionFigures Satisfaction);

public sealed record ReceivedFigures(int CarriedOver, ChannelFigures New);

public sealed record ChannelFigures(int Online, int InPerson, int Post, int Total);

public sealed record TimingFigures(int Early, int OnTime, int Late, int Total);

public sealed record DeadlineFigures(int WithinDeadline, int Overdue, int Total);

/// <summary>Resolution time in working days, pauses excluded, of the dossiers of a procedure resolved in the month.</summary>
public sealed record ProcedureFigures(string Procedure, int Resolved, double AverageWorkingDays);

/// <summary>Ratings given in the month: their number, the mean score, and the share satisfied (4 or 5) and dissatisfied (1 or 2), in per cent.</summary>
public sealed record SatisfactionFigures(int Ratings, double? AverageScore, double? SatisfiedPercent, double? DissatisfiedPercent);
