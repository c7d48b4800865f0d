using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Calendar;

namespace Etransactions.UnitTests.Dossiers.Calendar;

/// <summary>The rules of a <c>PUT /api/calendar/{year}</c> body and its year, checked as the function checks them.</summary>
public sealed class CalendarValidationTests
{
    [Fact]
    public void The_sample_is_read_as_written()
    {
        var calendar = Validate("2026", CalendarSample.Json);

        Assert.Equal(2026, calendar.Year);
        Assert.Equal(11, calendar.Days.Holidays.Count);
        Assert.Equal(new CompensatoryDay(new DateOnly(2026, 4, 27), new DateOnly(2026, 4, 26), calendar.Days.CompensatoryDays[0].Name), calendar.Days.CompensatoryDays[0]);
        Assert.Equal((new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 10)), (calendar.Days.Swaps[0].DayOff, calendar.Days.Swaps[0].Workday));
    }

    [Fact]
    public void Lists_left_out_are_empty()
    {
        var calendar = Validate("2027", "{}");

        Assert.Equal((0, 0, 0), (calendar.Days.Holidays.Count, calendar.Days.CompensatoryDays.Count, calendar.Days.Swaps.Count));
        Assert.Equal(261, CalendarView.Of(new PublishedCalendar(calendar, 1, DateTimeOffset.UnixEpoch, "regulator")).WorkingDays);
    }

    [Theory]
    [InlineData("""{ "holidays": [ { "date": "2026-02-30", "name": "x" } ] }""", "holidays.0.date")]
    [InlineData("""{ "holidays": [ { "date": "16/02/2026", "name": "x" } ] }""", "holidays.0.date")]
    [InlineData("""{ "holidays": [ { "date": "2025-12-31", "name": "x" } ] }""", "holidays.0.date")]
    [InlineData("""{ "holidays": [ { "date": "2026-01-01", "name": "a" }, { "date": "2026-01-01", "name": "b" } ] }""", "holidays.1.date")]
    [InlineData("""{ "holidays": [ { "date": "2026-01-01", "name": "a" } ], "swaps": [ { "dayOff": "2026-01-01", "workday": "2026-01-10", "name": "b" } ] }""", "swaps.0.dayOff")]
    [InlineData("""{ "holidays": [ { "date": "2026-04-26", "name": "a" } ], "compensatoryDays": [ { "date": "2026-05-02", "for": "2026-04-26", "name": "b" } ] }""", "compensatoryDays.0.date")]
    [InlineData("""{ "holidays": [ { "date": "2026-04-26", "name": "a" } ], "compensatoryDays": [ { "date": "2026-04-27", "for": "2026-04-25", "name": "b" } ] }""", "compensatoryDays.0.for")]
    [InlineData("""{ "swaps": [ { "dayOff": "2026-01-03", "workday": "2026-01-10", "name": "x" } ] }""", "swaps.0.dayOff")]
    [InlineData("""{ "swaps": [ { "dayOff": "2026-01-02", "workday": "2026-01-09", "name": "x" } ] }""", "swaps.0.workday")]
    [InlineData("""{ "swaps": [ { "dayOff": "2026-12-31", "workday": "2027-01-02", "name": "x" } ] }""", "swaps.0.workday")]
    [InlineData("""{ "holidays": {} }""", "holidays")]
    [InlineData("""{ "holidays": null }""", "holidays")]
    [InlineData("""{ "swaps": "2026-01-02" }""", "swaps")]
    [InlineData("""{ "holidays": [ { "date": "2026-01-01" } ] }""", "holidays.0.name")]
    [InlineData("""{ "holidays": [ { "date": "2026-01-01", "name": "  " } ] }""", "holidays.0.name")]
    [InlineData("""{ "holidays": [ { "date": "2026-01-01", "name": "Tết\nDương lịch" } ] }""", "holidays.0.name")]
    [InlineData("""{ "holiday": [] }""", "holiday")]
    [InlineData("""[]""", "(body)")]
    public void Bad_input_is_refused_naming_the_field(string body, string field) =>
        Assert.Equal([field], Fields(() => Validate("2026", body)));

    [Fact]
    public void A_name_over_200_characters_is_refused()
    {
        static string Body(int length) =>
            new JsonObject { ["holidays"] = new JsonArray(new JsonObject { ["date"] = "2026-01-01", ["name"] = new string('ệ', length) }) }.ToJsonString();

        Assert.Equal(["holidays.0.name"], Fields(() => Validate("2026", Body(201))));
        Assert.Equal(200, Validate("2026", Body(200)).Days.Holidays[0].Name.Length);
    }

    [Fact]
    public void Shape_errors_come_first_then_every_rule_is_named_at_once()
    {
        var body = """
            { "holidays": [ { "date": "2026-02-30", "name": "a" }, { "date": "2027-01-01", "name": "b" } ],
              "swaps": [ { "dayOff": "2026-01-03", "workday": "2026-01-09", "name": "c" } ] }
            """;

        Assert.Equal(["holidays.0.date"], Fields(() => Validate("2026", body)));
        var sound = body.Replace("2026-02-30", "2026-02-16", StringComparison.Ordinal);
        Assert.Equal(["holidays.1.date", "swaps.0.dayOff", "swaps.0.workday"], Fields(() => Validate("2026", sound)));
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("20x6")]
    [InlineData("02026")]
    public void A_year_outside_2000_to_2100_is_refused_naming_year(string year)
    {
        Assert.Equal(["year"], Fields(() => Validate(year, "{}")));
        Assert.Equal(["year"], Fields(() => CalendarValidation.ParseYear(year)));
    }

    [Fact]
    public void A_bad_year_and_a_bad_body_are_named_together()
    {
        Assert.Equal(["holidays", "year"], Fields(() => Validate("1999", """{ "holidays": {} }""")));
        Assert.Equal((2000, 2100), (CalendarValidation.ParseYear("2000"), CalendarValidation.ParseYear("2100")));
    }

    private static CalendarYear Validate(string year, string body)
    {
        using var document = JsonDocument.Parse(body);
        return CalendarValidation.Validate(year, document.RootElement);
    }

    /// <summary>The fields the <see cref="ValidationFailedException"/> thrown by <paramref name="validate"/> names, in order.</summary>
    private static IReadOnlyList<string> Fields(Func<object> validate)
    {
        var exception = Assert.Throws<ValidationFailedException>(() => validate());
        return [.. exception.Errors.Select(error => error.Field).Order(StringComparer.Ordinal)];
    }
}
