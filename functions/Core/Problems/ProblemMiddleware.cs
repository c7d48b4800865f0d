using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Core.Problems;

/// <summary>
/// The one path from an exception to a problem response, for HTTP-triggered functions. It runs inside the
/// ASP.NET Core proxying middleware, which executes the <see cref="ProblemResult"/> it leaves as the
/// invocation's result. Other functions' exceptions go on to the host, which retries them.
/// </summary>
internal sealed partial class ProblemMiddleware(ILogger<ProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsHttpTriggered(context.FunctionDefinition))
        {
            var result = ProblemResult.From(exception, context.InvocationId);
            if (result.Details.Status >= StatusCodes.Status500InternalServerError)
            {
                LogUnhandled(exception, context.FunctionDefinition.Name, context.InvocationId);
            }

            context.GetInvocationResult().Value = result;
        }
    }

    internal static bool IsHttpTriggered(FunctionDefinition function) =>
        function.InputBindings.Values.Any(binding => string.Equals(binding.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {FunctionName} (invocation {InvocationId})")]
    private partial void LogUnhandled(Exception exception, string functionName, string invocationId);
}
