using System.Reflection;
using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Etransactions.Functions.Core.Problems;

/// <summary>An RFC 9457 problem response: <c>application/problem+json; charset=utf-8</c>.</summary>
public sealed class ProblemResult(ProblemDetails details, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    /// <summary>What the caller may be told: only <see cref="ProblemException"/>s say what went wrong.</summary>
    public static ProblemResult From(Exception exception, string invocationId)
    {
        // A function invoked by reflection, or one that waited on a task, wraps what it threw.
        while (exception is TargetInvocationException or AggregateException { InnerExceptions.Count: 1 })
        {
            exception = exception.InnerException!;
        }

        if (exception is not ProblemException problem)
        {
            return new(Problem(
                ProblemKind.Internal,
                $"The request could not be completed. Quote invocation {invocationId} to the operator."));
        }

        var details = Problem(problem.Kind, problem.Message);
        foreach (var (name, value) in problem.Extensions)
        {
            details.Extensions[name] = value;
        }

        return problem is UnauthorizedException unauthorized
            ? new(details, new Dictionary<string, string> { ["WWW-Authenticate"] = unauthorized.Challenge })
            : new(details);
    }

    public ProblemDetails Details { get; } = details;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        if (response.HasStarted)
        {
            // The function had begun its own response; nothing sensible can be added to it.
            return;
        }

        response.StatusCode = Details.Status ?? StatusCodes.Status500InternalServerError;
        response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        await JsonSerializer.SerializeAsync(response.Body, Details, AppJson.Options, httpContext.RequestAborted);
    }

    private static ProblemDetails Problem(ProblemKind kind, string detail) =>
        new() { Type = kind.Type, Title = kind.Title, Status = kind.Status, Detail = detail };
}
