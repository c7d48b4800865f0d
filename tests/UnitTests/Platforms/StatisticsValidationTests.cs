using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Statistics;
using Etransactions.TestSupport.Platforms;

namespace Etransactions.UnitTests.Platforms;

/// <summary>A statistics submission is checked all at once: its shape, the cycle, the months of the cycle and the counts.</summary>
public sealed class StatisticsValidationTests
{
    private static readonly DateTimeOffset Now = At("2026-01-10T03:00:00Z");

    [Fact]
    public void Validate_JanuaryToDecemberOfThePreviousYear_ForCycle2026_IsValid()
    {
        var valid = Validate("2026", PlatformSamples.Statistics("2025-01", 3_500_000), Now);

        Assert.Equal(2026, valid.Cycle);
        Assert.Equal(12, valid.Statistics.Months.Count);
    }

    [Fact]
    public void Validate_ACycleBefore2025_InTheFuture_OrNotAYear_NamesTheCycle()
    {
        Assert.Contains("cycle", Fields("2024", PlatformSamples.Statistics("2023-01", 1)));
        Assert.Contains("cycle", Fields("2027", PlatformSamples.Statistics("2026-01", 1)));
        Assert.Equal("cycle", Fields("20x6", PlatformSamples.Statistics("2025-01", 1))[0]);
    }

    [Fact]
    public void Validate_MonthsOutsideTheCyclePeriod_NamesTheLastMonth() =>
        Assert.Equal(
            [new FieldError("months.11.month", "Cycle 2026 covers January to December 2025: the last month must be 2025-12.")],
            Issues("2026", PlatformSamples.Statistics("2024-12", 1)));

    [Fact]
    public void Validate_For2025_AMonthNotCompleteYet_IsRefused()
    {
        var may = At("2025-05-20T00:00:00Z");

        Validate("2025", PlatformSamples.Statistics("2024-05", 1), may);
        var invalid = Assert.Throws<ValidationFailedException>(() => Validate("2025", PlatformSamples.Statistics("2024-06", 1), may));
        Assert.Equal(
            [new FieldError("months.11.month", "The 12 months must end with a complete month from 2024-09 to 2025-04; 2025-05 is outside.")],
            invalid.Errors);
    }

    [Fact]
    public void Validate_CountsAboveThePopulation_NegativeAndFractional_AreNamed()
    {
        decimal[] users = [.. Enumerable.Repeat(1000m, 12)];
        users[0] = Samples.Population.Value + 1;
        users[1] = -5;
        users[2] = 10.5m;

        Assert.Equal(
            ["months.1.activeUsers", "months.2.activeUsers", "months.0.activeUsers"],
            Fields("2026", PlatformSamples.Statistics("2025-01", users)));
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce_ShapeMonthsAndCycleTogether()
    {
        var body = PlatformSamples.Statistics("2025-01", 1, new JsonObject { ["declarant"] = new JsonObject { ["name"] = "" }, ["extra"] = true });
        body["months"]!.AsArray().RemoveAt(11);

        // An unknown field is named by its own path, where the first version said "(body)".
        Assert.Equal(["cycle", "declarant.name", "declarant.position", "extra", "months"], Fields("2030", body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ABodyThatIsNotAnObject_AndNonNumericCounts_AreNamed()
    {
        Assert.Equal("(body)", Fields("2026", null)[0]);
        Assert.Equal("(body)", Fields("2026", new JsonArray(1, 2))[0]);
        var body = PlatformSamples.Statistics("2025-01", 1);
        body["months"]![3] = new JsonObject { ["month"] = "2025-04", ["activeUsers"] = "12" };
        Assert.Contains("months.3.activeUsers", Fields("2026", body));
    }

    [Fact]
    public void Validate_WholeCountsWrittenWithDecimals_ReadAsThePlainNumber()
    {
        var body = PlatformSamples.Statistics("2025-01", 4_000_000);
        body["months"]![0]!["activeUsers"] = 4_000_000.0m;

        var valid = Validate("2026", body, Now);

        Assert.Equal(StatisticsContent.Sha256(Validate("2026", PlatformSamples.Statistics("2025-01", 4_000_000), Now).Statistics), StatisticsContent.Sha256(valid.Statistics));
    }

    [Fact]
    public void ContentSha256_IgnoresTheReason_AndSeesAnyOtherChange()
    {
        var plain = Validate("2026", PlatformSamples.Statistics("2025-01", 4_000_000), Now).Statistics;

        Assert.Equal(StatisticsContent.Sha256(plain), StatisticsContent.Sha256(plain with { Reason = "Sửa số liệu / corrected" }));
        Assert.NotEqual(StatisticsContent.Sha256(plain), StatisticsContent.Sha256(plain with { Intermediary = false }));
        Assert.Matches("^[0-9a-f]{64}$", StatisticsContent.Sha256(plain));
    }

    private static ValidStatistics Validate(string cycle, JsonNode? body, DateTimeOffset now) =>
        StatisticsValidation.Validate(cycle, Element(body), now, Samples.Population);

    private static IReadOnlyList<FieldError> Issues(string cycle, JsonNode? body) =>
        Assert.Throws<ValidationFailedException>(() => Validate(cycle, body, Now)).Errors;

    private static List<string> Fields(string cycle, JsonNode? body) => [.. Issues(cycle, body).Select(issue => issue.Field)];

    private static JsonElement Element(JsonNode? body) => JsonDocument.Parse(body?.ToJsonString() ?? "null").RootElement.Clone();

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
