using System.Text;
using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.UnitTests.Support;

namespace Etransactions.UnitTests.Core.Http;

/// <summary>Every invalid field is reported at once, by its path in the body.</summary>
public class JsonBodyValidationTests
{
    private const string ValidRegistration = """
        {
          "name": "Sàn Việt",
          "administrator": { "name": "Công ty A", "focalPoint": { "email": "a@example.vn" } },
          "intermediary": true,
          "operatingSince": "2020-05-01"
        }
        """;

    [Fact]
    public void Deserialize_ValidNestedBody_ReturnsIt()
    {
        var registration = Read<Registration>(ValidRegistration);

        Assert.Equal("a@example.vn", registration.Administrator.FocalPoint.Email);
        Assert.Equal(new DateOnly(2020, 5, 1), registration.OperatingSince);
        Assert.Null(registration.Website);
    }

    [Fact]
    public void Deserialize_MissingRequiredFields_NamesEachAtEveryLevel()
    {
        Assert.Equal(
            [
                "administrator.focalPoint.email: Required.",
                "administrator.name: Required.",
                "name: Required.",
                "intermediary: Required.",
                "operatingSince: Required.",
            ],
            ErrorsOf<Registration>("""{ "administrator": { "focalPoint": {} } }"""));
    }

    [Fact]
    public void Deserialize_WrongKinds_NamesEachWithWhatWasExpected()
    {
        Assert.Equal(
            [
                "name: Expected a string.",
                "administrator: Expected an object.",
                "intermediary: Expected true or false.",
                "operatingSince: Expected a date as YYYY-MM-DD.",
                "website: Expected a URI.",
            ],
            ErrorsOf<Registration>("""
                { "name": 5, "administrator": "Công ty A", "intermediary": "yes", "operatingSince": "01/05/2020", "website": 7 }
                """));
    }

    [Fact]
    public void Deserialize_NumbersInStringsAndFractionsForWholeNumbers_AreRefused()
    {
        Assert.Equal(
            ["months.0.activeUsers: Expected a whole number.", "months.1.activeUsers: Expected a whole number."],
            ErrorsOf<Statistics>("""{ "months": [ { "month": "2025-01", "activeUsers": "5" }, { "month": "2025-02", "activeUsers": 1.5 } ] }"""));
    }

    [Fact]
    public void Deserialize_NullWhereTheTypeHasNone_IsRefused_NullWhereItHasOne_IsRead()
    {
        Assert.Equal(
            ["name: Must not be null.", "administrator: Must not be null."],
            ErrorsOf<Registration>("""{ "name": null, "administrator": null, "intermediary": false, "operatingSince": "2020-05-01", "website": null }"""));
        Assert.Null(Read<Statistics>("""{ "months": [], "decision": null, "reason": null }""").Reason);
    }

    [Fact]
    public void Deserialize_BodyNotAnObject_NamesTheBody()
    {
        Assert.Equal(["(body): Expected an object."], ErrorsOf<Registration>("[1, 2]"));
        Assert.Equal(["(body): Expected a JSON object, got null."], ErrorsOf<Registration>("null"));
    }

    [Fact]
    public void Deserialize_UnknownFields_AreRefusedAtTheirPath()
    {
        Assert.Equal(
            ["administrator.focalPoint.emial: Not a known field.", "extra: Not a known field."],
            ErrorsOf<Registration>(ValidRegistration.Replace("\"email\"", "\"emial\": \"a@example.vn\", \"email\"", StringComparison.Ordinal)
                .Replace("\"intermediary\"", "\"extra\": 1, \"intermediary\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Deserialize_TypeThatSkipsUnknownFields_ReadsAroundThem()
    {
        Assert.Equal("x", Read<Lenient>("""{ "name": "x", "other": 1 }""").Name);
    }

    [Fact]
    public void Deserialize_FieldTwice_IsRefused()
    {
        Assert.Equal(["decision: Appears more than once."], ErrorsOf<Review>("""{ "decision": "accept", "decision": "return" }"""));
    }

    [Fact]
    public void Deserialize_NamesInOtherCase_AreRead()
    {
        Assert.Equal(Decision.Accept, Read<Review>("""{ "Decision": "accept" }""").Decision);
    }

    [Fact]
    public void Deserialize_EnumOutsideItsValues_ListsThem()
    {
        Assert.Equal(["decision: Expected one of \"accept\", \"return\"."], ErrorsOf<Review>("""{ "decision": "maybe" }"""));
        Assert.Equal(["decision: Expected one of \"accept\", \"return\"."], ErrorsOf<Review>("""{ "decision": 0 }"""));
    }

    [Fact]
    public void Deserialize_AnnotationsInNestedObjectsAndCollections_AreAllReported()
    {
        var months = string.Join(", ", Enumerable.Range(1, 12).Select(month => $$"""{ "month": "2025-{{month:00}}", "activeUsers": {{month}} }"""));
        var json = $$"""{ "months": [ {{months}}, { "month": "2025-13", "activeUsers": -1 } ] }""";

        Assert.Equal(["months.12.month: A month as YYYY-MM.", "months.12.activeUsers: Not a number of users."], ErrorsOf<Statistics>(json));
        Assert.Equal(
            ["name: At most 200 characters.", "administrator.name: Required, not empty.", "administrator.focalPoint.email: Not an e-mail address."],
            ErrorsOf<Registration>(ValidRegistration
                .Replace("Sàn Việt", new string('x', 201), StringComparison.Ordinal)
                .Replace("Công ty A", " ", StringComparison.Ordinal)
                .Replace("a@example.vn", "not-an-address", StringComparison.Ordinal)));
    }

    [Fact]
    public void Deserialize_AnnotationOnACollection_IsReportedAtTheCollection()
    {
        var months = string.Join(", ", Enumerable.Repeat("""{ "month": "2025-01", "activeUsers": 1 }""", 61));

        Assert.Equal(["months: At most 60 months."], ErrorsOf<Statistics>($$"""{ "months": [ {{months}} ] }"""));
    }

    [Fact]
    public void Deserialize_WrongKindsAndAnnotationFailures_AreReportedTogether()
    {
        Assert.Equal(
            ["months.0.activeUsers: Expected a whole number.", "decision: Expected one of \"accept\", \"return\".", "months.1.month: A month as YYYY-MM."],
            ErrorsOf<Statistics>("""
                { "months": [ { "month": "2025-01", "activeUsers": "many" }, { "month": "Jan", "activeUsers": 1 } ], "decision": "maybe" }
                """));
    }

    [Fact]
    public void Deserialize_RuleOverTwoFields_IsReportedAtTheFieldItNames()
    {
        Assert.Equal(["reason: A returned report needs a reason."], ErrorsOf<Review>("""{ "decision": "return" }"""));
    }

    [Fact]
    public void Deserialize_JsonElement_TakesAnyValue()
    {
        Assert.Equal(JsonValueKind.Array, Read<JsonElement>("[1, \"two\", null]").ValueKind);
    }

    private static T Read<T>(string json) => JsonBody.Deserialize<T>(Encoding.UTF8.GetBytes(json));

    private static IReadOnlyList<string> ErrorsOf<T>(string json) =>
        JsonRequests.ErrorsOf(() => Task.FromResult(Read<T>(json))).GetAwaiter().GetResult();
}
