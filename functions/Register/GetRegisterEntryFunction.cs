using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Register;

/// <summary><c>GET /api/register/{agency}/{year}/{sequence}</c> (public): what the conversion of that number is.</summary>
public sealed class GetRegisterEntryFunction(ConversionRegister register)
{
    public const string Name = "getRegisterEntry";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/register/{agency}/{year}/{sequence}")] HttpRequest request,
        string agency, string year, string sequence)
    {
        var number = RegisterNumber.TryFrom(agency, year, sequence)
            ?? throw new ValidationFailedException(
                [new FieldError("number", "Số đăng ký có dạng {mã cơ quan}/{năm}/{số thứ tự} / A register number is {agencyCode}/{year}/{sequence}")],
                $"\"{agency}/{year}/{sequence}\" không phải số đăng ký / is not a register number");
        var entry = await register.GetAsync(number, request.HttpContext.RequestAborted)
            ?? throw new NotFoundException($"Không có chuyển đổi số {number} / No conversion has the number {number}");
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(RegisterViews.Of(entry, ApiBase.Site(request)), AppJson.Options);
    }
}
