using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.ApiKeys;

/// <summary><c>POST /api/agencies/{agencyCode}/keys</c> (the regulator): a new API key for an agency, shown this once.</summary>
public sealed partial class IssueAgencyKeyFunction(ApiKeyAuthenticator authenticator, ApiKeyStore keys, ILogger<IssueAgencyKeyFunction> logger)
{
    public const string Name = "issueAgencyKey";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/agencies/{agencyCode}/keys")] HttpRequest request, string agencyCode)
    {
        var cancellation = request.HttpContext.RequestAborted;
        (await authenticator.AuthenticateAsync(request, cancellation)).RequireRegulator();
        if (!AgencyCode.IsValid(agencyCode))
        {
            throw new ValidationFailedException([new FieldError("agencyCode", "Mã cơ quan chỉ gồm chữ, số, dấu chấm, gạch / An agency code is letters, digits, dots and hyphens.")]);
        }
        var issued = await keys.IssueAsync(ApiKey.AgencyPrefix, agencyCode, cancellation);
        LogIssued(agencyCode);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new { agencyCode, key = issued.Key, createdAt = IsoTime.Format(issued.CreatedAt) }, AppJson.Options, statusCode: StatusCodes.Status201Created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued an API key to agency {AgencyCode}")]
    private partial void LogIssued(string agencyCode);
}
