using System.Globalization;
using System.Text.Json.Nodes;

namespace Etransactions.TestSupport.Platforms;

/// <summary>Bodies of the platforms API as a client sends them, with values easy to reason about.</summary>
public static class PlatformSamples
{
    /// <summary>101,300,000: a population figure of the right size (3 % is 3,039,000 a month on average).</summary>
    public const long PopulationValue = 101_300_000;

    public const string PopulationSource = "Tổng cục Thống kê / General Statistics Office";

    public const string PopulationAnnouncedOn = "2025-01-06";

    /// <summary>The body of <c>PUT /api/population/2024</c> that records <see cref="PopulationValue"/>.</summary>
    public static JsonObject Population(long value = PopulationValue, string announcedOn = PopulationAnnouncedOn) =>
        new() { ["value"] = value, ["source"] = PopulationSource, ["announcedOn"] = announcedOn };

    /// <summary><paramref name="count"/> months from <paramref name="first"/> (<c>YYYY-MM</c>), each with <paramref name="users"/> active users (or users[i]).</summary>
    public static JsonArray Months(string first, IReadOnlyList<decimal> users, int count = 12)
    {
        var start = (int.Parse(first[..4], CultureInfo.InvariantCulture) * 12) + int.Parse(first[5..], CultureInfo.InvariantCulture) - 1;
        var months = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var index = start + i;
            months.Add(new JsonObject
            {
                ["month"] = string.Create(CultureInfo.InvariantCulture, $"{index / 12:D4}-{(index % 12) + 1:D2}"),
                ["activeUsers"] = users.Count == 1 ? users[0] : i < users.Count ? users[i] : 0,
            });
        }
        return months;
    }

    public static JsonArray Months(string first, decimal users, int count = 12) => Months(first, [users], count);

    /// <summary>A statistics body: twelve months from <paramref name="first"/>, an intermediary, a measurement and a declarant.</summary>
    public static JsonObject Statistics(string first, decimal users, JsonObject? extra = null) => Statistics(first, [users], extra);

    public static JsonObject Statistics(string first, IReadOnlyList<decimal> users, JsonObject? extra = null) => With(new JsonObject
    {
        ["months"] = Months(first, users),
        ["intermediary"] = true,
        ["measurement"] = new JsonObject { ["method"] = "Đếm tài khoản đăng nhập / logged-in accounts", ["tool"] = "Google Analytics 4" },
        ["declarant"] = new JsonObject { ["name"] = "Nguyễn Thị Hương", ["position"] = "Giám đốc vận hành / COO" },
    }, extra);

    /// <summary>A registration of a platform administered by a Vietnamese company with its focal point.</summary>
    public static JsonObject Registration(string name = "Chợ Tốt Điện Tử", string website = "https://chotot.example.vn", JsonObject? extra = null) => With(new JsonObject
    {
        ["name"] = name,
        ["administrator"] = new JsonObject
        {
            ["name"] = "Công ty TNHH Chợ Tốt",
            ["country"] = "Việt Nam",
            ["focalPoint"] = new JsonObject
            {
                ["name"] = "Trần Văn Bình",
                ["email"] = "binh.tran@chotot.example.vn",
                ["phone"] = "+84 28 3822 0000",
                ["address"] = "123 Đường Lê Lợi, Quận 1, Thành phố Hồ Chí Minh",
            },
        },
        ["website"] = website,
        ["intermediary"] = true,
        ["operatingSince"] = "2015-03-01",
    }, extra);

    private static JsonObject With(JsonObject body, JsonObject? extra)
    {
        foreach (var (name, value) in extra ?? [])
        {
            body[name] = value?.DeepClone();
        }
        return body;
    }
}
