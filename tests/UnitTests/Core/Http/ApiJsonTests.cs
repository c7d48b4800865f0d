using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.UnitTests.Core.Http;

/// <summary>Instants as the API writes them, text fields, and a body read from a value already parsed.</summary>
public sealed class ApiJsonTests
{
    private sealed record Stamped(DateTimeOffset At);

    private sealed record Named([Text(5)] string Name, [Text(5)] string? Note = null);

    [Fact]
    public void An_instant_is_written_in_UTC_to_the_millisecond_and_any_ISO_instant_is_read()
    {
        var json = JsonSerializer.Serialize(new Stamped(new DateTimeOffset(2026, 1, 17, 0, 0, 0, TimeSpan.FromHours(7))), AppJson.Options);

        Assert.Equal("""{"at":"2026-01-16T17:00:00.000Z"}""", json);
        Assert.Equal(new DateTimeOffset(2026, 1, 16, 17, 0, 0, TimeSpan.Zero), JsonBody.Deserialize<Stamped>(JsonDocument.Parse("""{"at":"2026-01-17T00:00:00+07:00"}""").RootElement).At);
    }

    [Fact]
    public void Text_is_neither_blank_nor_too_long_and_an_absent_optional_text_is_fine()
    {
        var errors = Assert.Throws<ValidationFailedException>(() => JsonBody.Deserialize<Named>(JsonDocument.Parse("""{"name":"   ","note":"sáu chữ"}""").RootElement)).Errors;

        Assert.Equal([new FieldError("name", "Required, not empty."), new FieldError("note", "At most 5 characters.")], errors);
        Assert.Null(JsonBody.Deserialize<Named>(JsonDocument.Parse("""{"name":"Hà"}""").RootElement).Note);
    }

    [Fact]
    public void A_member_of_a_parsed_body_is_read_with_paths_from_that_member()
    {
        using var document = JsonDocument.Parse("""{"inner":{"at":"not a time"}}""");

        var errors = Assert.Throws<ValidationFailedException>(() => JsonBody.Deserialize<Stamped>(document.RootElement.GetProperty("inner"))).Errors;

        Assert.Equal("at", Assert.Single(errors).Field);
    }
}
