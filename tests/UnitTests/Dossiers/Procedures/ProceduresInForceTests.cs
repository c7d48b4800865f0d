using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Procedures;
using static Etransactions.UnitTests.Dossiers.Calendar.CalendarSample;
using static Etransactions.UnitTests.Dossiers.DossierSamples;

namespace Etransactions.UnitTests.Dossiers.Procedures;

/// <summary><see cref="ProceduresInForce"/>: the version in force on a day of Vietnam time.</summary>
public class ProceduresInForceTests
{
    private static Procedure Version(int version, DateOnly effectiveFrom, bool active = true) =>
        new(ProcedureCode, version, Body with { EffectiveFrom = effectiveFrom, Active = active }, Vietnam(1, 1, 0).AddDays(version), "test");

    private static readonly Procedure[] Versions = [Version(1, new DateOnly(2026, 1, 1)), Version(2, new DateOnly(2026, 4, 1))];

    private static string FieldOf(Action action) => Assert.Single(Assert.Throws<ValidationFailedException>(action).Errors).Field;

    [Fact]
    public void The_version_in_force_is_the_newest_whose_effective_date_has_come()
    {
        Assert.Equal(1, ProceduresInForce.On(Versions, Vietnam(3, 31, 23, 59))!.Version);
        Assert.Equal(2, ProceduresInForce.On(Versions, Vietnam(4, 1, 0))!.Version);
        Assert.Equal(2, ProceduresInForce.Require(ProcedureCode, Versions, Vietnam(6, 1, 9)).Version);
    }

    [Fact]
    public void The_day_is_that_of_Vietnam_time()
    {
        // 31 March 17:00 UTC is 1 April 00:00 in Vietnam.
        Assert.Equal(2, ProceduresInForce.On(Versions, new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero))!.Version);
        Assert.Equal(1, ProceduresInForce.On(Versions, new DateTimeOffset(2026, 3, 31, 16, 59, 0, TimeSpan.Zero))!.Version);
    }

    [Fact]
    public void Of_two_versions_from_the_same_day_the_later_one_is_in_force()
    {
        Procedure[] versions = [.. Versions, Version(3, new DateOnly(2026, 4, 1))];

        Assert.Equal(3, ProceduresInForce.On(versions, Vietnam(4, 2, 9))!.Version);
    }

    [Fact]
    public void None_in_force_yet_is_400()
    {
        Assert.Null(ProceduresInForce.On(Versions, new DateTimeOffset(2025, 12, 31, 9, 0, 0, TimeSpan.FromHours(7))));
        Assert.Equal("procedure", FieldOf(() => ProceduresInForce.Require(ProcedureCode, Versions, new DateTimeOffset(2025, 12, 31, 9, 0, 0, TimeSpan.FromHours(7)))));
    }

    [Fact]
    public void No_version_at_all_is_400()
    {
        Assert.Equal("procedure", FieldOf(() => ProceduresInForce.Require(ProcedureCode, [], Vietnam(3, 9, 9))));
    }

    [Fact]
    public void An_inactive_version_in_force_is_400_though_an_older_one_was_active()
    {
        Procedure[] versions = [Version(1, new DateOnly(2026, 1, 1)), Version(2, new DateOnly(2026, 4, 1), active: false)];

        Assert.Equal(1, ProceduresInForce.Require(ProcedureCode, versions, Vietnam(3, 9, 9)).Version);
        Assert.Equal("procedure", FieldOf(() => ProceduresInForce.Require(ProcedureCode, versions, Vietnam(4, 9, 9))));
    }
}
