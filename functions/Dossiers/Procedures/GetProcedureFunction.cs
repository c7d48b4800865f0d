using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary><c>GET /api/procedures/{code}</c> (public): the newest version, or <c>?version=N</c>.</summary>
public sealed class GetProcedureFunction(ProcedureStore procedures)
{
    public const string Name = "getProcedure";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/procedures/{code}")] HttpRequest request, string code)
    {
        var versions = await procedures.VersionsAsync(ProcedureRules.ParseCode(code), request.HttpContext.RequestAborted);
        if (versions.Count == 0)
        {
            throw new NotFoundException($"Không có thủ tục {code} / No procedure has the code {code}.");
        }
        var wanted = VersionQuery.Parse(request) is { } number
            ? versions.FirstOrDefault(v => v.Version == number)
                ?? throw new NotFoundException($"Thủ tục {code} không có phiên bản {number} / Procedure {code} has no version {number}.")
            : versions[^1];
        return TypedResults.Json(ProcedureView.Of(wanted, versions), AppJson.Options);
    }
}
