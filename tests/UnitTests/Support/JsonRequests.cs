using System.Text;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;

namespace Etransactions.UnitTests.Support;

internal static class JsonRequests
{
    public static HttpRequest Post(string body, string? contentType = "application/json", long? contentLength = -1) =>
        Post(new MemoryStream(Encoding.UTF8.GetBytes(body)), contentType, contentLength ?? null);

    /// <summary>A request whose body is <paramref name="body"/>; a Content-Length of -1 is the body's real length.</summary>
    public static HttpRequest Post(Stream body, string? contentType = "application/json", long? contentLength = -1)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = contentLength == -1 ? body.Length : contentLength;
        context.Request.Body = body;
        return context.Request;
    }

    /// <summary>The field errors of the validation problem <paramref name="read"/> throws, as "field: message".</summary>
    public static async Task<IReadOnlyList<string>> ErrorsOf(Func<Task> read)
    {
        var exception = await Assert.ThrowsAsync<ValidationFailedException>(read);
        return [.. exception.Errors.Select(error => $"{error.Field}: {error.Message}")];
    }
}
