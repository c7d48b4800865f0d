using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Identity;
using Etransactions.IntegrationTests.Platforms.Stores;
using Etransactions.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>
/// <c>PUT</c> and <c>GET /api/calendar/{year}</c>, the function classes called directly on Azurite (a table of
/// this test's own) with the app's bearer-token authenticator and tokens of <see cref="StaticIssuer"/>.
/// </summary>
public sealed class CalendarFunctionsTests(SharedAzurite azurite) : IAsyncLifetime
{
    private static readonly string SampleJson = File.ReadAllText(Path.Combine(Local.RepositoryRoot.Find(), "local", "Samples", "calendar-2026.json"));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly TableServiceClient _service = new(azurite.ConnectionString);
    private readonly string _table = $"calendars{Guid.NewGuid():N}"[..30];

    private CalendarStore Store => new(new AppTables(new RenamedTables(_service, CalendarStore.Table, _table)), Options.Create(new WorkingCalendarOptions()));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _service.DeleteTableAsync(_table, TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_sample_is_published_as_version_1_and_read_back_as_stored()
    {
        var put = await PutAsync("2026", SampleJson);

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
        await PutAsync("2026", SampleJson);
        _clock.Advance(TimeSpan.FromDays(30));
        var second = await PutAsync("2026", """{ "holidays": [ { "date": "2026-01-01", "name": "Tết Dương lịch" } ] }""");

        Assert.Equal((201, 2), (second.Status, second.Body.GetProperty("version").GetInt32()));
        var latest = await GetAsync("2026");
        Assert.Equal((2, 260, "2026-01-19T03:00:00.000Z"), (latest.Body.GetProperty("version").GetInt32(), latest.Body.GetProperty("workingDays").GetInt32(), latest.Member("publishedAt")));
        var first = await GetAsync("2026", "1");
        Assert.Equal((200, 1, 250), (first.Status, first.Body.GetProperty("version").GetInt32(), first.Body.GetProperty("workingDays").GetInt32()));

        // Deadlines follow the newest version of each year.
        var current = await Store.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.True(current.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(current.IsWorkingDay(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task Concurrent_PUTs_each_get_a_version_of_their_own()
    {
        var puts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => PutAsync("2026", SampleJson))));

        Assert.All(puts, put => Assert.Equal(201, put.Status));
        Assert.Equal(Enumerable.Range(1, 12), puts.Select(put => put.Body.GetProperty("version").GetInt32()).Order());
        Assert.Equal(12, (await GetAsync("2026")).Body.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("""{ "holidays": [ { "date": "2026-02-30", "name": "x" } ] }""", "holidays.0.date")]
    [InlineData("""[]""", "(body)")]
    [InlineData("""
        { "holidays": [ { "date": "2026-02-16", "name": "a" }, { "date": "2027-01-01", "name": "b" } ],
          "swaps": [ { "dayOff": "2026-01-03", "workday": "2026-01-09", "name": "c" } ] }
        """, "holidays.1.date swaps.0.dayOff swaps.0.workday")]
    public async Task Bad_input_is_a_400_naming_every_field_and_publishes_nothing(string body, string fields)
    {
        var put = await PutAsync("2026", body);

        Assert.Equal(fields.Split(' '), put.Fields());
        Assert.Equal(404, (await GetAsync("2026")).Status);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("20x6")]
    public async Task A_year_outside_2000_to_2100_is_a_400_naming_year(string year)
    {
        Assert.Equal(["year"], (await PutAsync(year, "{}")).Fields());
        Assert.Equal(["year"], (await GetAsync(year)).Fields());
    }

    [Fact]
    public async Task Publishing_needs_a_token_and_the_regulator()
    {
        var anonymous = await PutAsAsync("2026", SampleJson, subject: null);
        var officer = await PutAsAsync("2026", SampleJson, "officer-1", Roles.Receiver, Roles.AgencyAdmin);

        Assert.Equal(401, anonymous.Status);
        Assert.StartsWith("Bearer", anonymous.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(403, officer.Status);
        Assert.Contains("Only the regulator", officer.Member("detail"), StringComparison.Ordinal);
        Assert.Equal(404, (await GetAsync("2026")).Status);
    }

    [Fact]
    public async Task Anyone_reads_a_published_calendar_and_404_is_for_what_was_never_published()
    {
        await PutAsync("2026", SampleJson);

        Assert.Equal(200, (await GetAsync("2026")).Status);
        Assert.Equal(404, (await GetAsync("2026", "2")).Status);
        Assert.Equal(404, (await GetAsync("2025")).Status);
        Assert.Equal(["version"], (await GetAsync("2026", "0")).Fields());
        Assert.Equal(["version"], (await GetAsync("2026", "one")).Fields());
    }

    /// <summary>A PUT as the regulator.</summary>
    private Task<FunctionResponse> PutAsync(string year, string body) => PutAsAsync(year, body, "regulator-1", Roles.Regulator);

    /// <summary>A PUT with a token issued now for <paramref name="subject"/> with <paramref name="roles"/>; a null subject sends no token.</summary>
    private Task<FunctionResponse> PutAsAsync(string year, string body, string? subject, params string[] roles)
    {
        var token = subject is null ? null : StaticIssuer.Token(subject, roles, _clock.GetUtcNow());
        var put = new PutCalendarFunction(StaticIssuer.Authenticator(_clock), Store, _clock, NullLogger<PutCalendarFunction>.Instance);
        return FunctionCalls.RespondAsync(() => put.Run(FunctionCalls.Request("PUT", body, token), year));
    }

    /// <summary>A GET without a token, for <c>?version=</c><paramref name="version"/> when given.</summary>
    private Task<FunctionResponse> GetAsync(string year, string? version = null)
    {
        var query = version is null ? QueryString.Empty : QueryString.Create("version", version);
        return FunctionCalls.RespondAsync(() => new GetCalendarFunction(Store).Run(FunctionCalls.Request("GET", query: query), year));
    }
}
