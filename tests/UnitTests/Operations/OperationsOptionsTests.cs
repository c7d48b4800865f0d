using Etransactions.Functions.Operations;
using Etransactions.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Etransactions.UnitTests.Operations;

public class OperationsOptionsTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("0x10")]
    public void Start_RetentionNotAWholeNumber_NamesTheSettingAndValue(string value)
    {
        var failures = AppStart.Failures(("ORCHESTRATION_HISTORY_RETENTION_DAYS", value));

        Assert.Equal([$"App setting ORCHESTRATION_HISTORY_RETENTION_DAYS: must be a whole number from 1 to 3650, got \"{value}\""], failures);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("-5")]
    public void Start_RetentionOutOfRange_NamesTheSettingAndRange(string value)
    {
        var failures = AppStart.Failures(("ORCHESTRATION_HISTORY_RETENTION_DAYS", value));

        Assert.Equal([$"App setting ORCHESTRATION_HISTORY_RETENTION_DAYS: must be a whole number from 1 to 3650, got \"{value}\""], failures);
    }

    [Theory]
    [InlineData(null, 90)]
    [InlineData("", 90)]
    [InlineData("  ", 90)]
    [InlineData("1", 1)]
    [InlineData(" 3650 ", 3650)]
    public void Start_RetentionUnsetBlankOrInRange_IsBound(string? value, int expected)
    {
        var settings = AppStart.LocalSettings();
        settings["ORCHESTRATION_HISTORY_RETENTION_DAYS"] = value;
        using var provider = AppStart.Services(settings);

        Assert.Equal(expected, provider.GetRequiredService<IOptions<OperationsOptions>>().Value.HistoryRetentionDays);
    }

    [Fact]
    public void Start_SeveralFeaturesWrong_ReportsEveryOne()
    {
        var failures = AppStart.Failures(("DURABLE_TASK_HUB", null), ("ORCHESTRATION_HISTORY_RETENTION_DAYS", "abc"), ("AzureWebJobsStorage", null));

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, failure => failure.StartsWith("App setting DURABLE_TASK_HUB:", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("App setting ORCHESTRATION_HISTORY_RETENTION_DAYS:", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("App setting AzureWebJobsStorage:", StringComparison.Ordinal));
    }
}
