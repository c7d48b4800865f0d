using System.Globalization;
using System.Text.Json.Nodes;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Register;

/// <summary><c>GET /api/register?agency=&amp;year=</c> (the agency's key or the regulator's): the agency's conversions of a year, in number order.</summary>
public sealed class ListRegisterFunction(ApiKeyAuthenticator authenticator, ConversionRegister register)
{
    public const string Name = "listRegister";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/register")] HttpRequest request)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var caller = await authenticator.AuthenticateAsync(request, cancellation);
        var (agency, year) = QueryOf(request);
        caller.RequireAgencyOrRegulator(agency);
        var entries = await register.ListAsync(agency, year, cancellation);
        var site = ApiBase.Site(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new JsonObject
        {
            ["agency"] = agency,
            ["year"] = year,
            ["count"] = entries.Count,
            ["entries"] = new JsonArray([.. entries.Select(entry => (JsonNode)RegisterViews.Of(entry, site))]),
        }, AppJson.Options);
    }

    private static (string Agency, int Year) QueryOf(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var agency = request.Query["agency"].ToString().Trim();
        if (!AgencyCode.IsValid(agency))
        {
            errors.Add(new FieldError("agency", "Cần mã cơ quan hợp lệ / A valid agency code is required (letters, digits, dots, underscores, hyphens)"));
        }
        var yearText = request.Query["year"].ToString().Trim();
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < RegisterNumber.MinYear or > RegisterNumber.MaxYear)
        {
            errors.Add(new FieldError("year", $"Cần năm từ {RegisterNumber.MinYear} đến {RegisterNumber.MaxYear} / A year from {RegisterNumber.MinYear} to {RegisterNumber.MaxYear} is required"));
        }
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors, string.Join("; ", errors.Select(error => error.Message)));
        }
        return (agency, year);
    }
}
