using Etransactions.Functions.Core;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Reports;

/// <summary>
/// Computes a month's report from the agency's dossiers and their histories: a dossier's state at a moment is the
/// state its history had reached by then, so a past month reads as it was at its end. Deadlines are those of the
/// calendar in force.
/// </summary>
public static class MonthlyReportBuilder
{
    public static MonthlyReport Build(string agency, DateOnly month, AgencyRecords records, Func<Dossier, Procedure?> procedureOf, WorkingTime calendar, DateTimeOffset now)
    {
        var from = VietnamTime.StartOf(month);
        var end = VietnamTime.StartOf(month.AddMonths(1));
        var to = now < end ? now : end;
        var (carried, online, inPerson, post) = (0, 0, 0, 0);
        var (early, onTime, late) = (0, 0, 0);
        var (progressWithin, progressOver, pausedWithin, pausedOver) = (0, 0, 0, 0);
        var (refused, withdrawn, stopped) = (0, 0, 0);
        var resolution = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var dossier in records.Dossiers)
        {
            if (dossier.ReceivedAt >= to || procedureOf(dossier) is not { } procedure)
            {
                continue;
            }
            var history = records.History.TryGetValue(dossier.Code, out var entries) ? entries : [];
            var deadlines = new Deadlines(calendar, procedure.Definition.TimeLimit);
            if (dossier.ReceivedAt < from)
            {
                if (StateAt(history, from).IsFinal())
                {
                    continue;
                }
                carried++;
            }
            else
            {
                _ = dossier.Channel switch
                {
                    Channel.InPerson => inPerson++,
                    Channel.Post => post++,
                    _ => online++,
                };
            }
            var ended = history.LastOrDefault(e => e.To.IsFinal() && e.From != e.To);
            if (ended is not null && ended.At >= from && ended.At < to)
            {
                switch (ended.To)
                {
                    case DossierState.Resolved:
                        _ = deadlines.Outcome(dossier) switch { Timing.Early => early++, Timing.OnTime => onTime++, _ => late++ };
                        (resolution.TryGetValue(procedure.Code, out var days) ? days : resolution[procedure.Code] = [])
                            .Add(deadlines.Used(dossier, ended.At) / calendar.WorkingDay);
                        break;
                    case DossierState.Refused:
                        refused++;
                        break;
                    case DossierState.Withdrawn:
                        withdrawn++;
                        break;
                    default:
                        stopped++;
                        break;
                }
                continue;
            }
            var state = StateAt(history, to);
            if (state.IsFinal())
            {
                continue;
            }
            if (state == DossierState.SupplementAtIntake)
            {
                // Waiting for the applicant before any time limit runs: paused, and within its deadline.
                pausedWithin++;
                continue;
            }
            var due = state == DossierState.Received ? deadlines.IntakeDue(dossier) : deadlines.Original(dossier, to);
            var overdue = due is { } d && d < to;
            if (state.IsPaused())
            {
                _ = overdue ? pausedOver++ : pausedWithin++;
            }
            else
            {
                _ = overdue ? progressOver++ : progressWithin++;
            }
        }
        var newTotal = online + inPerson + post;
        return new MonthlyReport(
            agency, month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), from, to, now,
            new ReceivedFigures(carried, new ChannelFigures(online, inPerson, post, newTotal)),
            new TimingFigures(early, onTime, late, early + onTime + late),
            new DeadlineFigures(progressWithin, progressOver, progressWithin + progressOver),
            new DeadlineFigures(pausedWithin, pausedOver, pausedWithin + pausedOver),
            refused, withdrawn, stopped,
            [.. resolution.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new ProcedureFigures(pair.Key, pair.Value.Count, Round(pair.Value.Average())))],
            newTotal == 0 ? null : Round(100.0 * online / newTotal),
            Satisfaction(records.Ratings.Where(r => r.At >= from && r.At < to).ToList()));
    }

    /// <summary>The state the history had reached at <paramref name="at"/>: that of the last entry before it.</summary>
    public static DossierState StateAt(IReadOnlyList<HistoryEntry> history, DateTimeOffset at) =>
        history.LastOrDefault(entry => entry.At < at)?.To ?? DossierState.Received;

    private static SatisfactionFigures Satisfaction(List<Rating> ratings) => ratings.Count == 0
        ? new SatisfactionFigures(0, null, null, null)
        : new SatisfactionFigures(ratings.Count, Round(ratings.Average(r => r.Score)),
            Round(100.0 * ratings.Count(r => r.Satisfied) / ratings.Count), Round(100.0 * ratings.Count(r => r.Dissatisfied) / ratings.Count));

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
