using System.Text;
using Etransactions.Functions.Platforms.Domain;
using Etransactions.Functions.Platforms.Registry;
using Etransactions.Functions.Publication.List;
using Etransactions.UnitTests.Platforms;

namespace Etransactions.UnitTests.Publication;

public sealed class LargePlatformListTests
{
    [Fact]
    public void The_list_holds_the_latest_determined_cycle_of_large_intermediaries_particularly_large_first_then_by_users()
    {
        PlatformRecord[] platforms =
        [
            Platform("a", "Sàn Lớn"), Platform("b", "Sàn Rất Lớn"), Platform("c", "Sàn Nhỏ"), Platform("d", "Sàn Không Trung Gian", intermediary: false),
            Platform("e", "Sàn Lớn Hơn"), Platform("f", "Sàn Chờ Xét"),
        ];
        DeterminationRecord[] determinations =
        [
            Determined("a", 2026, 3_500_000), Determined("b", 2026, 12_000_000), Determined("c", 2026, 100_000), Determined("d", 2026, 5_000_000),
            Determined("e", 2025, 12_000_000), Determined("e", 2026, 4_000_000),
            Determined("f", 2026, 5_000_000) with { Status = DeterminationStatus.Reported },
        ];

        var list = LargePlatformList.Build(platforms, determinations);

        Assert.Equal(["b", "e", "a"], list.Select(entry => entry.PlatformId));
        Assert.Equal([Scale.ParticularlyLarge, Scale.Large, Scale.Large], list.Select(entry => entry.Scale));
        Assert.Equal((2026, 4_000_000d), (list[1].Cycle, list[1].AverageMonthlyActiveUsers));
        Assert.Equal((2024, 101_300_000L, new DateOnly(2026, 2, 10)), (list[0].PopulationYear, list[0].PopulationValue, list[0].DeterminedOn));
    }

    [Fact]
    public void Changes_name_the_platforms_added_removed_and_whose_scale_changed()
    {
        var before = LargePlatformList.Build([Platform("a", "A"), Platform("b", "B"), Platform("c", "C")],
            [Determined("a", 2026, 3_500_000), Determined("b", 2026, 3_500_000), Determined("c", 2026, 3_500_000)]);
        var after = LargePlatformList.Build([Platform("a", "A"), Platform("b", "B"), Platform("d", "D")],
            [Determined("a", 2026, 3_500_000), Determined("b", 2026, 12_000_000), Determined("d", 2026, 3_500_000)]);

        var changes = ListChanges.Between(before, after);

        Assert.Equal(["d"], changes.Added.Select(change => change.PlatformId));
        Assert.Equal(["c"], changes.Removed.Select(change => change.PlatformId));
        Assert.Equal(new ScaleChange("b", "B", Scale.Large, Scale.ParticularlyLarge), changes.ScaleChanged.Single());
        Assert.True(ListChanges.Between(after, after).None);
    }

    [Fact]
    public void The_csv_is_utf8_with_a_byte_order_mark_quoted_as_rfc_4180_asks()
    {
        var list = LargePlatformList.Build([Platform("a", "Sàn \"Sen\", Vàng")], [Determined("a", 2026, 3_500_000)]);

        var csv = ListCsv.Write(list);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("Nền tảng / Platform,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"Sàn \"\"Sen\"\", Vàng\",a,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",large,3500000,3.4551,2024,1,101300000,", lines[1], StringComparison.Ordinal);
    }

    private static PlatformRecord Platform(string id, string name, bool intermediary = true) => new(
        id, name, new Administrator($"Công ty {name}", "Việt Nam", new FocalPoint("Trần Văn Bình", "binh@example.vn", "+84 28 3822 0000", "Hà Nội")),
        $"https://{id}.example.vn", intermediary, new DateOnly(2019, 1, 1), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1);

    private static DeterminationRecord Determined(string platformId, int cycle, decimal users) => new()
    {
        PlatformId = platformId,
        Cycle = cycle,
        InstanceId = $"selfdet-{platformId}-{cycle}",
        Status = DeterminationStatus.Determined,
        Deadline = Cycles.DeadlineFor(cycle),
        StartedAt = new DateTimeOffset(cycle, 1, 1, 0, 0, 0, TimeSpan.Zero),
        StartedBy = StartedBy.Timer,
        RunId = "run",
        UpdatedAt = new DateTimeOffset(cycle, 2, 10, 3, 0, 0, TimeSpan.Zero),
        Classification = Classifier.Classify(Samples.Months($"{cycle - 1}-01", users), Samples.Population, intermediary: true),
    };
}
