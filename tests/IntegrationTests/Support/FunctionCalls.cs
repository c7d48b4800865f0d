using System.Text;
using System.Text.Json;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Etransactions.IntegrationTests.Support;

/// <summary>
/// HTTP functions called as classes, without a host: a request on a <see cref="DefaultHttpContext"/>, and the
/// response the caller would see, the function's <see cref="IResult"/> or the problem the app's middleware
/// makes of what it threw, executed and read back.
/// </summary>
internal static class FunctionCalls
{
    // The request's services: JSON results log through them.
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    /// <summary>A request with a JSON <paramref name="body"/> and <c>Authorization: Bearer {token}</c> when given.</summary>
    public static HttpRequest Request(string method, string? body = null, string? token = null, QueryString query = default)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.QueryString = query;
        if (token is not null)
        {
            context.Request.Headers.Authorization = $"Bearer {token}";
        }
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }
        return context.Request;
    }

    public static async Task<FunctionResponse> RespondAsync(Func<Task<IResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        IResult result;
        try
        {
            result = await run();
        }
        catch (ProblemException problem)
        {
            result = ProblemResult.From(problem, "test");
        }
        var context = new DefaultHttpContext { RequestServices = Services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        var text = Encoding.UTF8.GetString(body.ToArray());
        using var document = JsonDocument.Parse(text);
        return new(context.Response.StatusCode, context.Response.Headers, document.RootElement.Clone(), text);
    }
}

/// <summary>A response as the caller reads it: status, headers, the JSON body and its text.</summary>
internal sealed record FunctionResponse(int Status, IHeaderDictionary Headers, JsonElement Body, string Text)
{
    public string Member(string property) => Body.GetProperty(property).GetString()!;

    /// <summary>The fields a 400 problem names, in order.</summary>
    public IReadOnlyList<string> Fields()
    {
        Assert.Equal(400, Status);
        return [.. Body.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("field").GetString()!).Order(StringComparer.Ordinal)];
    }
}
