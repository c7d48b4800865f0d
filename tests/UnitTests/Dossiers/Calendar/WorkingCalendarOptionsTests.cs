using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.UnitTests.Dossiers.Calendar;

public class WorkingCalendarOptionsTests
{
    [Fact]
    public void Unset_the_day_is_08_00_to_17_00_with_lunch_12_00_to_13_00()
    {
        using var provider = AppStart.Services(AppStart.LocalSettings());

        var hours = provider.GetRequiredService<IOptions<WorkingCalendarOptions>>().Value.Hours;

        Assert.Equal(WorkingHours.Default, hours);
        Assert.Equal(TimeSpan.FromHours(8), hours.WorkingDay);
    }

    [Fact]
    public void Other_hours_are_read()
    {
        var settings = AppStart.LocalSettings();
        settings["WORKING_DAY_HOURS"] = "07:30-16:30";
        settings["WORKING_DAY_LUNCH_BREAK"] = "11:30-13:00";
        Assert.Empty(AppStart.Failures(settings));
        using var provider = AppStart.Services(settings);

        var hours = provider.GetRequiredService<IOptions<WorkingCalendarOptions>>().Value.Hours;

        Assert.Equal((new TimeOnly(7, 30), new TimeOnly(11, 30), new TimeOnly(13, 0), new TimeOnly(16, 30)), (hours.Start, hours.LunchStart, hours.LunchEnd, hours.End));
    }

    [Theory]
    [InlineData("8-17")]
    [InlineData("08:00")]
    [InlineData("08:00-17:00-18:00")]
    [InlineData("17:00-08:00")]
    [InlineData("08:00-24:00")]
    [InlineData("8:00-17:00")]
    public void Malformed_hours_name_the_setting(string value)
    {
        var failure = Assert.Single(AppStart.Failures(("WORKING_DAY_HOURS", value)));

        Assert.StartsWith("App setting WORKING_DAY_HOURS: must be HH:mm-HH:mm", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("07:30-08:30")]
    [InlineData("08:00-09:00")]
    [InlineData("16:30-17:00")]
    [InlineData("16:30-18:00")]
    public void A_lunch_break_not_inside_the_day_names_the_setting(string value)
    {
        Assert.Equal(
            [$"App setting WORKING_DAY_LUNCH_BREAK: must lie inside WORKING_DAY_HOURS (08:00-17:00), got \"{value}\""],
            AppStart.Failures(("WORKING_DAY_LUNCH_BREAK", value)));
    }

    [Fact]
    public void A_malformed_lunch_break_names_the_setting()
    {
        var failure = Assert.Single(AppStart.Failures(("WORKING_DAY_LUNCH_BREAK", "noon")));

        Assert.StartsWith("App setting WORKING_DAY_LUNCH_BREAK: must be HH:mm-HH:mm", failure, StringComparison.Ordinal);
    }
}
