using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Identity;
using Etransactions.UnitTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.UnitTests.Dossiers.Calendar;

/// <summary><c>PUT</c> and <c>GET /api/calendar/{year}</c> over tables in memory, the caller named by a test header.</summary>
public sealed class CalendarFunctionsTests : IDisposable
{
    private const string Regulator = "regulator-1;" + Roles.Regulator;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private readonly CalendarStore _store;
    private readonly PutCalendarFunction _put;
    private readonly GetCalendarFunction _get;

    public CalendarFunctionsTests()
    {
        _store = new CalendarStore(new AppTables(new InMemoryTables()), Options.Create(new WorkingCalendarOptions()));
        _put = new PutCalendarFunction(new HeaderActorAuthenticator(), _store, _clock, NullLogger<PutCalendarFunction>.Instance);
        _get = new GetCalendarFunction(_store);
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task The_sample_is_published_as_version_1_and_read_back_as_stored()
    {
        var put = await PutAsync("2026", CalendarSample.Json);

        Assert.Equal(201, put.Status);
        Assert.Equal((2026, 1, 250), (put.Body.GetProperty("year").GetInt32(), put.Body.GetProperty("version").GetInt32(), put.Body.GetProperty("workingDays").GetInt32()));
        Assert.Equal("2025-12-20T03:00:00.000Z", put.Member("publishedAt"));
        Assert.Equal(11, put.Body.GetProperty("holidays").GetArrayLength());
        var compensatory = put.Body.GetProperty("compensatoryDays")[0];
        Assert.Equal(("2026-04-27", "2026-04-26"), (compensatory.GetProperty("date").GetString(), compensatory.GetProperty("for").GetString()));
        var swap = put.Body.GetProperty("swaps")[0];
        Assert.Equal(("2026-01-02", "2026-01-10"), (swap.GetProperty("dayOff").GetString(), swap.GetProperty("workday").GetString()));

        var get = await GetAsync("2026");
        Assert.Equal(200, get.Status);
        Assert.Equal(put.Text, get.Text);
    }

    [Fact]
    public async Task Each_PUT_is_a_new_version_and_earlier_versions_stay_readable()
    {
        await PutAsync("2026", CalendarSample.Json);
        _clock.Advance(TimeSpan.FromDays(30));
        var second = await PutAsync("2026", """{ "holidays": [ { "date": "2026-01-01", "name": "Tết Dương lịch" } ] }""");

        Assert.Equal((201, 2), (second.Status, second.Body.GetProperty("version").GetInt32()));
        var latest = await GetAsync("2026");
        Assert.Equal((2, 260, "2026-01-19T03:00:00.000Z"), (latest.Body.GetProperty("version").GetInt32(), latest.Body.GetProperty("workingDays").GetInt32(), latest.Member("publishedAt")));
        var first = await GetAsync("2026", "1");
        Assert.Equal((200, 1, 250), (first.Status, first.Body.GetProperty("version").GetInt32(), first.Body.GetProperty("workingDays").GetInt32()));

        // Deadlines follow the newest version of each year.
        var current = await _store.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.True(current.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(current.IsWorkingDay(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task Concurrent_PUTs_each_get_a_version_of_their_own()
    {
        var puts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => PutAsync("2026", CalendarSample.Json))));

        Assert.All(puts, put => Assert.Equal(201, put.Status));
        Assert.Equal(Enumerable.Range(1, 12), puts.Select(put => put.Body.GetProperty("version").GetInt32()).Order());
        Assert.Equal(12, (await GetAsync("2026")).Body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Lists_left_out_are_empty()
    {
        var put = await PutAsync("2027", "{}");

        Assert.Equal(201, put.Status);
        Assert.Equal(0, put.Body.GetProperty("holidays").GetArrayLength());
        Assert.Equal(0, put.Body.GetProperty("swaps").GetArrayLength());
        Assert.Equal(261, put.Body.GetProperty("workingDays").GetInt32());
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
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var put = await PutAsync("2026", body);

        Assert.Equal(400, put.Status);
        Assert.Equal([field], Fields(put));
        Assert.Equal(404, (await GetAsync("2026")).Status);
    }

    [Fact]
    public async Task A_name_over_200_characters_is_refused()
    {
        static string Body(int length) =>
            new JsonObject { ["holidays"] = new JsonArray(new JsonObject { ["date"] = "2026-01-01", ["name"] = new string('ệ', length) }) }.ToJsonString();

        Assert.Equal(["holidays.0.name"], Fields(await PutAsync("2026", Body(201))));
        Assert.Equal(201, (await PutAsync("2026", Body(200))).Status);
    }

    [Fact]
    public async Task Shape_errors_come_first_then_every_rule_is_named_at_once()
    {
        var body = """
            { "holidays": [ { "date": "2026-02-30", "name": "a" }, { "date": "2027-01-01", "name": "b" } ],
              "swaps": [ { "dayOff": "2026-01-03", "workday": "2026-01-09", "name": "c" } ] }
            """;

        var put = await PutAsync("2026", body);

        Assert.Equal(["holidays.0.date"], Fields(put));
        var sound = await PutAsync("2026", body.Replace("2026-02-30", "2026-02-16", StringComparison.Ordinal));
        Assert.Equal(["holidays.1.date", "swaps.0.dayOff", "swaps.0.workday"], Fields(sound));
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("20x6")]
    [InlineData("02026")]
    public async Task A_year_outside_2000_to_2100_is_a_400_naming_year(string year)
    {
        Assert.Equal(["year"], Fields(await PutAsync(year, "{}")));
        Assert.Equal(["year"], Fields(await GetAsync(year)));
    }

    [Fact]
    public async Task Publishing_needs_a_token_and_the_regulator()
    {
        var anonymous = await PutAsync("2026", CalendarSample.Json, actor: null);
        var officer = await PutAsync("2026", CalendarSample.Json, HeaderActorAuthenticator.Value("officer-1", Roles.Receiver, Roles.AgencyAdmin));

        Assert.Equal(401, anonymous.Status);
        Assert.Equal(403, officer.Status);
        Assert.Contains("Only the regulator", officer.Member("detail"), StringComparison.Ordinal);
        Assert.Equal(404, (await GetAsync("2026")).Status);
    }

    [Fact]
    public async Task Anyone_reads_a_published_calendar_and_404_is_for_what_was_never_published()
    {
        await PutAsync("2026", CalendarSample.Json);

        Assert.Equal(200, (await GetAsync("2026")).Status);
        Assert.Equal(404, (await GetAsync("2026", "2")).Status);
        Assert.Equal(404, (await GetAsync("2025")).Status);
        Assert.Equal(["version"], Fields(await GetAsync("2026", "0")));
        Assert.Equal(["version"], Fields(await GetAsync("2026", "one")));
    }

    /// <summary>A PUT as <paramref name="actor"/> (see <see cref="HeaderActorAuthenticator"/>), the regulator unless given; null sends no token.</summary>
    private async Task<ProblemResponse> PutAsync(string year, string body, string? actor = Regulator)
    {
        var request = Request("PUT", body);
        if (actor is not null)
        {
            request.Headers[HeaderActorAuthenticator.Header] = actor;
        }
        return await RespondAsync(() => _put.Run(request, year));
    }

    private Task<ProblemResponse> GetAsync(string year, string? version = null)
    {
        var request = Request("GET", null);
        if (version is not null)
        {
            request.QueryString = QueryString.Create("version", version);
        }
        return RespondAsync(() => _get.Run(request, year));
    }

    private static HttpRequest Request(string method, string? body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }
        return context.Request;
    }

    /// <summary>The response the caller sees: the function's result, or the problem the middleware makes of what it threw.</summary>
    private async Task<ProblemResponse> RespondAsync(Func<Task<IResult>> run)
    {
        IResult result;
        try
        {
            result = await run();
        }
        catch (ProblemException problem)
        {
            result = ProblemResult.From(problem, "test");
        }
        return await ProblemResponse.ExecuteAsync(result, _services);
    }

    private static IReadOnlyList<string> Fields(ProblemResponse response)
    {
        Assert.Equal(400, response.Status);
        return [.. response.Body.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("field").GetString()!).Order(StringComparer.Ordinal)];
    }
}
