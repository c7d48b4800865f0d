using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Etransactions.UnitTests.Support;

/// <summary>An IResult executed on a DefaultHttpContext, read back as a caller would read it.</summary>
internal sealed record ProblemResponse(int Status, string? ContentType, IHeaderDictionary Headers, JsonElement Body, string Text)
{
    public static async Task<ProblemResponse> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        var text = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        using var document = JsonDocument.Parse(text);
        return new(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, document.RootElement.Clone(), text);
    }

    public string Member(string property) => Body.GetProperty(property).GetString()!;
}
