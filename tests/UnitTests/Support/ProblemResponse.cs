using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Etransactions.UnitTests.Support;

/// <summary>An IResult executed on a DefaultHttpContext, read back as a caller would read it.</summary>
internal sealed record ProblemResponse(int Status, string? ContentType, IHeaderDictionary Headers, JsonElement Body)
{
    public static async Task<ProblemResponse> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        return new(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, document.RootElement.Clone());
    }

    public string Text(string property) => Body.GetProperty(property).GetString()!;
}
