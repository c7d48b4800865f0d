using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Health;

namespace Etransactions.UnitTests.Health;

public class HealthReportTests
{
    private static readonly DateTimeOffset CheckedAt = new(2025, 6, 30, 19, 30, 0, TimeSpan.Zero);

    [Fact]
    public void From_EveryCheckUp_IsHealthyWithNoDownList()
    {
        var report = HealthReport.From("0.2.0", CheckedAt, [new("blob", new("up", 3)), new("queue", new("up", 4)), new("table", new("up", 5))]);

        Assert.True(report.IsHealthy);
        Assert.Equal(
            """{"status":"healthy","version":"0.2.0","checkedAt":"2025-06-30T19:30:00.000Z","checks":{"blob":{"status":"up","durationMs":3},"queue":{"status":"up","durationMs":4},"table":{"status":"up","durationMs":5}}}""",
            JsonSerializer.Serialize(report, AppJson.Options));
    }

    [Fact]
    public void From_SomeCheckDown_IsUnhealthyNamingWhatIsDown()
    {
        var report = HealthReport.From(
            "0.2.0",
            CheckedAt,
            [new("blob", new("up", 3)), new("queue", new("down", 3000, "No answer within 3000 ms.")), new("table", new("down", 12, "Connection refused"))]);

        Assert.False(report.IsHealthy);
        Assert.Equal(
            """{"status":"unhealthy","version":"0.2.0","checkedAt":"2025-06-30T19:30:00.000Z","checks":{"blob":{"status":"up","durationMs":3},"queue":{"status":"down","durationMs":3000,"error":"No answer within 3000 ms."},"table":{"status":"down","durationMs":12,"error":"Connection refused"}},"down":["queue","table"]}""",
            JsonSerializer.Serialize(report, AppJson.Options));
    }
}
