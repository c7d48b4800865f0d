using Azure.Storage.Queues;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Conversion.Requests;
using Etransactions.Functions.Conversion.Storage;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Conversion;

/// <summary>
/// <c>POST /api/conversions/retry?blob=scans/{agencyCode}/{path}</c> (the agency's key or the regulator's):
/// an upload whose conversion <c>failed</c> is tried afresh. The request is queued and answered 202; the
/// upload itself is not touched.
/// </summary>
public sealed class RetryConversionFunction(ApiKeyAuthenticator authenticator, ConversionLookups lookups, QueueServiceClient queues)
{
    public const string Name = "retryConversion";
    public const string Queue = "conversion-retries";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/conversions/retry")] HttpRequest request)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var caller = await authenticator.AuthenticateAsync(request, cancellation);
        var record = await lookups.RecordAsync(request.Query["blob"], cancellation);
        caller.RequireAgencyOrRegulator(record.AgencyCode ?? ScanLocation.Parse(record.BlobPath).AgencyCode);
        if (record.Status != ConversionStatus.Failed)
        {
            throw new ConflictException($"Chỉ thử lại được chuyển đổi đã thất bại; trạng thái hiện tại: {record.Status} / Only a failed conversion can be retried; it is {record.Status}.")
            {
                Extensions = { ["conversionStatus"] = record.Status },
            };
        }
        var queue = queues.GetQueueClient(Queue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellation);
        await queue.SendMessageAsync(record.BlobPath, cancellation);
        return TypedResults.Accepted((string?)null, new { blob = record.BlobPath, status = "queued" });
    }
}
