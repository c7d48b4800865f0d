using System.Globalization;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Dossiers.Reports;

/// <summary><c>GET /api/reports/monthly?agency=&amp;month=yyyy-MM</c> (the agency's administrator, the regulator): the month's figures, computed now.</summary>
public sealed class GetMonthlyReportFunction(IActorAuthenticator authenticator, MonthlyReports reports, TimeProvider clock)
{
    public const string Name = "getMonthlyReport";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/monthly")] HttpRequest request)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        var agency = request.Query["agency"].FirstOrDefault();
        var monthText = request.Query["month"].FirstOrDefault();
        var errors = new List<FieldError>();
        if (!AgencyCode.IsValid(agency))
        {
            errors.Add(new("agency", "The agency's code, like 000.00.00.H26."));
        }
        if (!DateOnly.TryParseExact($"{monthText}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            errors.Add(new("month", "The month as yyyy-MM, like 2026-03."));
        }
        ValidationFailedException.ThrowIfAny(errors);
        actor.RequireAdministratorOf(agency!);
        return TypedResults.Json(await reports.ComputeAsync(agency!, month, clock.GetUtcNow(), cancellation), AppJson.Options);
    }
}
