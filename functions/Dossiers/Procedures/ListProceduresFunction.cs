using Etransactions.Functions.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary><c>GET /api/procedures</c> (public): every procedure's newest version, by code.</summary>
public sealed class ListProceduresFunction(ProcedureStore procedures)
{
    public const string Name = "listProcedures";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/procedures")] HttpRequest request)
    {
        var all = await procedures.ListAsync(request.HttpContext.RequestAborted);
        return TypedResults.Json(new
        {
            Procedures = all.Select(procedure => new
            {
                procedure.Code,
                procedure.Version,
                procedure.Definition.Name,
                procedure.Agency,
                procedure.Definition.TimeLimit,
                procedure.Definition.Online,
                procedure.Definition.EffectiveFrom,
                procedure.Definition.Active,
            }),
        }, AppJson.Options);
    }
}
