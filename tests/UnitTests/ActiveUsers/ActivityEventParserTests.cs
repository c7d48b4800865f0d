using System.Text;
using Etransactions.Functions.ActiveUsers.Intake;

namespace Etransactions.UnitTests.ActiveUsers;

public sealed class ActivityEventParserTests
{
    private const string User = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void An_event_gives_its_key_time_kind_and_region()
    {
        Assert.True(Parse($$"""{"user":"{{User}}","at":"2026-01-05T09:30:00+07:00","kind":"service","inVietnam":false}""", out var activity, out _));

        Assert.Equal(new ActivityEvent(0x9f86d081884c7d65UL, new DateTimeOffset(2026, 1, 5, 2, 30, 0, TimeSpan.Zero), ActivityKind.Service, false), activity);
        Assert.True(Parse($$"""{"inVietnam":true,"kind":"login","at":"2026-01-05T02:30:00Z","user":"{{User.ToUpperInvariant()}}"}""", out var reordered, out _));
        Assert.Equal((ActivityKind.Login, true), (reordered.Kind, reordered.InVietnam));
        Assert.True(Parse($$"""{"user":"{{User}}","at":"2026-01-05T09:30:00\u002B07:00","kind":"login","inVietnam":true}""", out var escaped, out _));
        Assert.Equal(activity.At, escaped.At);
    }

    [Theory]
    [InlineData("""{"user":"nguyen.van.a@example.vn","at":"2026-01-05T09:30:00+07:00","kind":"login","inVietnam":true}""", "user")]
    [InlineData("""{"user":"9f86d081884c7d65","at":"2026-01-05T09:30:00+07:00","kind":"login","inVietnam":true}""", "user")]
    [InlineData("""{"user":12345,"at":"2026-01-05T09:30:00+07:00","kind":"login","inVietnam":true}""", "user")]
    [InlineData("""{"user":"@","at":"2026-01-05T09:30:00","kind":"login","inVietnam":true}""", "user")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00","kind":"login","inVietnam":true}""", "at")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05","kind":"login","inVietnam":true}""", "at")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"yesterday Z","kind":"login","inVietnam":true}""", "at")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00+07:00","kind":"purchase","inVietnam":true}""", "kind")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00+07:00","kind":"LOGIN","inVietnam":true}""", "kind")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00+07:00","kind":"login","inVietnam":"yes"}""", "inVietnam")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00+07:00","kind":"login"}""", "inVietnam")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00+07:00","kind":"login","inVietnam":true,"email":"a@b.vn"}""", "email")]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00+07:00","kind":"login","inVietnam":true}""", "user")]
    [InlineData("""[1,2]""", ActivityEventParser.Whole)]
    [InlineData("""{"user":""", ActivityEventParser.Whole)]
    [InlineData("""{"user":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","at":"2026-01-05T09:30:00+07:00","kind":"login","inVietnam":true} {}""", ActivityEventParser.Whole)]
    public void A_wrong_event_is_refused_naming_its_field(string json, string field)
    {
        Assert.False(Parse(json, out _, out var problem));
        Assert.Equal(field, problem!.Field);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    private static bool Parse(string json, out ActivityEvent activity, out Etransactions.Functions.Core.Problems.FieldError? problem) =>
        ActivityEventParser.TryParse(Encoding.UTF8.GetBytes(json), out activity, out problem);
}
