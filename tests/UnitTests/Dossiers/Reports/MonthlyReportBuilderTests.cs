using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Reports;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Workflow;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;
using static Etransactions.UnitTests.Dossiers.DossierSamples;

namespace Etransactions.UnitTests.Dossiers.Reports;

/// <summary>
/// The report of March 2026 for a known set of dossiers of the sample procedure (ten working days, no fee), computed
/// on 3 April: one carried over from February and resolved on time, two new online ones (one resolved early, one
/// refused), one withdrawn, one still within its date, one overdue, one paused for a supplement, and two ratings
/// (5 and 2); a dossier ended in February, one received in April and ratings outside March count nowhere.
/// </summary>
public class MonthlyReportBuilderTests
{
    private static readonly DateOnly March = new(2026, 3, 1);

    private static readonly List<Dossier> Dossiers = [];

    private static readonly Dictionary<string, IReadOnlyList<HistoryEntry>> Histories = new(StringComparer.Ordinal);

    private static readonly Rating[] Ratings =
    [
        new("000.00.00.H26-260225-0001", 5, "Nhanh", Vietnam(3, 11, 10)),
        new("000.00.00.H26-260302-0001", 2, "Phải đi lại", Vietnam(3, 7, 9)),
        new("000.00.00.H26-260210-0001", 1, null, Vietnam(2, 13, 9)),
        new("000.00.00.H26-260302-0001", 5, null, Vietnam(4, 2, 9)),
    ];

    private static readonly MonthlyReport Report = BuildMarch();

    private static MonthlyReport BuildMarch()
    {
        // Carried over: received 25 February, due 11 March 10:00, resolved 11 March 09:00 (79 working hours).
        Add(Dossier("260225-0001", Vietnam(2, 25, 9), Channel.Online, accepted: Vietnam(2, 25, 10)),
            (Vietnam(3, 11, 9), "issue", DossierState.Resolved));
        // New online, resolved early: 2 March 09:00 to 6 March 09:00 is 32 working hours.
        Add(Dossier("260302-0001", Vietnam(3, 2, 8), Channel.Online, accepted: Vietnam(3, 2, 9)),
            (Vietnam(3, 6, 9), "issue", DossierState.Resolved));
        Add(Dossier("260303-0001", Vietnam(3, 3, 10), Channel.Online),
            (Vietnam(3, 3, 14), "refuse", DossierState.Refused));
        Add(Dossier("260304-0001", Vietnam(3, 4, 9), Channel.InPerson, accepted: Vietnam(3, 4, 10)),
            (Vietnam(3, 5, 10), "withdraw", DossierState.Withdrawn));
        // Due 6 April 10:00.
        Add(Dossier("260323-0001", Vietnam(3, 23, 9), Channel.Post, accepted: Vietnam(3, 23, 10)));
        // Due 20 March 17:00.
        Add(Dossier("260309-0001", Vietnam(3, 9, 8), Channel.InPerson, accepted: Vietnam(3, 9, 8)),
            (Vietnam(3, 12, 10), "submitForApproval", DossierState.Processing));
        Add(Dossier("260316-0001", Vietnam(3, 16, 9), Channel.InPerson, accepted: Vietnam(3, 16, 10)) with
            {
                SupplementsDuringProcessing = 1,
                Pauses = [new Pause(PauseReason.Supplement, Vietnam(3, 18, 10), null)],
            },
            (Vietnam(3, 18, 10), "requestSupplement", DossierState.SupplementRequested));
        // Not in March: ended in February, received in April.
        Add(Dossier("260210-0001", Vietnam(2, 10, 9), Channel.Online, accepted: Vietnam(2, 10, 10)),
            (Vietnam(2, 12, 16), "issue", DossierState.Resolved));
        Add(Dossier("260402-0001", Vietnam(4, 2, 9), Channel.Online));

        return MonthlyReportBuilder.Build(Agency, March, new AgencyRecords(Dossiers, Histories, Ratings), _ => Free, Time2026, Vietnam(4, 3, 12));
    }

    private static Dossier Dossier(string suffix, DateTimeOffset received, Channel channel, DateTimeOffset? accepted = null) =>
        Received(received, channel, $"{Agency}-{suffix}") with
        {
            State = accepted is null ? DossierState.Received : DossierState.Processing,
            AcceptedAt = accepted,
            ClockStart = accepted,
            StepIndex = accepted is null ? 0 : 1,
        };

    /// <summary>Adds the dossier with its history (submitted, accepted when it was, then the given moves), its state and end those of the last move.</summary>
    private static void Add(Dossier dossier, params (DateTimeOffset At, string Action, DossierState To)[] moves)
    {
        var history = new List<HistoryEntry> { new(1, dossier.ReceivedAt, HistoryEvents.Submitted, DossierState.Received, DossierState.Received, dossier.ApplicantSubject, null, null) };
        if (dossier.AcceptedAt is { } accepted)
        {
            history.Add(new(2, accepted, "accept", DossierState.Received, DossierState.Processing, Receiver.Subject, Receiver.Name, Receiver.Roles[0]));
        }
        foreach (var (at, action, to) in moves)
        {
            history.Add(new(history.Count + 1, at, action, history[^1].To, to, Processor.Subject, Processor.Name, Processor.Roles[0]));
        }
        var last = history[^1];
        Dossiers.Add(dossier with { State = last.To, Sequence = history.Count, EndedAt = last.To.IsFinal() ? last.At : null });
        Histories[dossier.Code] = history;
    }

    private static string Figure(string path)
    {
        JsonNode? node = JsonSerializer.SerializeToNode(Report, AppJson.Options);
        foreach (var name in path.Split('.'))
        {
            node = int.TryParse(name, out var index) ? node!.AsArray()[index] : node!.AsObject()[name];
        }
        return node?.ToJsonString() ?? "null";
    }

    [Theory]
    [InlineData("agency", "\"000.00.00.H26\"")]
    [InlineData("month", "\"2026-03\"")]
    [InlineData("received.carriedOver", "1")]
    [InlineData("received.new.online", "2")]
    [InlineData("received.new.inPerson", "3")]
    [InlineData("received.new.post", "1")]
    [InlineData("received.new.total", "6")]
    [InlineData("resolved.early", "1")]
    [InlineData("resolved.onTime", "1")]
    [InlineData("resolved.late", "0")]
    [InlineData("resolved.total", "2")]
    [InlineData("inProgress.withinDeadline", "1")]
    [InlineData("inProgress.overdue", "1")]
    [InlineData("inProgress.total", "2")]
    [InlineData("paused.withinDeadline", "1")]
    [InlineData("paused.overdue", "0")]
    [InlineData("paused.total", "1")]
    [InlineData("refused", "1")]
    [InlineData("withdrawn", "1")]
    [InlineData("stopped", "0")]
    [InlineData("averageResolution.0.procedure", "\"2.000488\"")]
    [InlineData("averageResolution.0.resolved", "2")]
    [InlineData("averageResolution.0.averageWorkingDays", "6.94")] // (79 / 8 + 32 / 8) / 2 = 6.9375
    [InlineData("onlineRate", "33.33")]
    [InlineData("satisfaction.ratings", "2")]
    [InlineData("satisfaction.averageScore", "3.5")]
    [InlineData("satisfaction.satisfiedPercent", "50")]
    [InlineData("satisfaction.dissatisfiedPercent", "50")]
    public void March_2026_has_the_known_figures(string path, string expected)
    {
        Assert.Equal(expected, Figure(path));
    }

    [Fact]
    public void The_month_runs_from_its_first_midnight_to_the_next_months_in_Vietnam()
    {
        Assert.Equal(Vietnam(3, 1, 0), Report.From);
        Assert.Equal(Vietnam(4, 1, 0), Report.To);
        Assert.Equal(Vietnam(4, 3, 12), Report.ComputedAt);
        Assert.Single(Report.AverageResolution);
    }

    [Fact]
    public void A_month_in_progress_reads_up_to_now()
    {
        var report = MonthlyReportBuilder.Build(Agency, March, new AgencyRecords(Dossiers, Histories, Ratings), _ => Free, Time2026, Vietnam(3, 10, 12));

        Assert.Equal(Vietnam(3, 10, 12), report.To);
        // By 10 March noon the carried-over one and the overdue one are in progress within their dates; the early one is resolved.
        Assert.Equal(new DeadlineFigures(2, 0, 2), report.InProgress);
        Assert.Equal(new TimingFigures(1, 0, 0, 1), report.Resolved);
        Assert.Equal(new ReceivedFigures(1, new ChannelFigures(2, 2, 0, 4)), report.Received);
        Assert.Equal(new SatisfactionFigures(1, 2, 0, 100), report.Satisfaction);
    }

    [Fact]
    public void A_month_with_no_dossiers_has_no_rates()
    {
        var report = MonthlyReportBuilder.Build(Agency, March, new AgencyRecords([], new Dictionary<string, IReadOnlyList<HistoryEntry>>(), []), _ => Free, Time2026, Vietnam(4, 3, 12));

        Assert.Null(report.OnlineRate);
        Assert.Equal(new SatisfactionFigures(0, null, null, null), report.Satisfaction);
        Assert.Empty(report.AverageResolution);
    }

    [Fact]
    public void The_state_at_a_moment_is_that_of_the_last_entry_before_it()
    {
        var history = Histories[$"{Agency}-260302-0001"];

        Assert.Equal(DossierState.Received, MonthlyReportBuilder.StateAt(history, Vietnam(3, 2, 8)));
        Assert.Equal(DossierState.Processing, MonthlyReportBuilder.StateAt(history, Vietnam(3, 6, 9)));
        Assert.Equal(DossierState.Resolved, MonthlyReportBuilder.StateAt(history, Vietnam(3, 6, 9, 1)));
        Assert.Equal(DossierState.Received, MonthlyReportBuilder.StateAt([], Vietnam(3, 6, 9)));
    }

    [Fact]
    public void A_dossier_waiting_at_intake_for_a_supplement_is_paused_not_overdue()
    {
        var waiting = Received(Vietnam(3, 2, 9), code: $"{Agency}-260302-0002") with { State = DossierState.SupplementAtIntake, Sequence = 2 };
        HistoryEntry[] history =
        [
            new(1, waiting.ReceivedAt, HistoryEvents.Submitted, DossierState.Received, DossierState.Received, waiting.ApplicantSubject, null, null),
            new(2, Vietnam(3, 2, 10), "requestSupplement", DossierState.Received, DossierState.SupplementAtIntake, Receiver.Subject, Receiver.Name, Receiver.Roles[0]),
        ];
        var records = new AgencyRecords([waiting], new Dictionary<string, IReadOnlyList<HistoryEntry>> { [waiting.Code] = history }, []);

        var report = MonthlyReportBuilder.Build(Agency, March, records, _ => Free, Time2026, Vietnam(4, 3, 12));

        Assert.Equal(new DeadlineFigures(0, 0, 0), report.InProgress);
        Assert.Equal(new DeadlineFigures(1, 0, 1), report.Paused);
    }
}
