using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary>
/// <c>PUT /api/procedures/{code}</c> (the regulator, or the administrator of the procedure's agency): stores a
/// new version; 201 when one was stored, 200 when the definition equals the newest version.
/// </summary>
public sealed partial class PutProcedureFunction(IActorAuthenticator authenticator, ProcedureStore procedures, TimeProvider clock, ILogger<PutProcedureFunction> logger)
{
    public const string Name = "putProcedure";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/procedures/{code}")] HttpRequest request, string code)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        ProcedureRules.ParseCode(code);
        var body = await JsonBody.ReadAsync<ProcedureBody>(request);
        ProcedureRules.Check(body);
        var versions = await procedures.VersionsAsync(code, cancellation);
        actor.RequireAdministratorOf(body.Agency);
        if (versions.Count > 0)
        {
            // An agency's administrator may not take over another agency's procedure by naming its own agency.
            actor.RequireAdministratorOf(versions[^1].Agency);
        }
        var (procedure, created) = await procedures.PutAsync(code, body, actor.Subject, clock.GetUtcNow(), cancellation);
        if (created)
        {
            LogStored(code, procedure.Version, procedure.Agency, body.EffectiveFrom, actor.Subject);
        }
        return TypedResults.Json(ProcedureView.Of(procedure, [.. versions, .. created ? new[] { procedure } : []]), AppJson.Options,
            statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Procedure {Code} version {Version} of agency {Agency}, in force from {EffectiveFrom}, stored by {Subject}")]
    private partial void LogStored(string code, int version, string agency, DateOnly effectiveFrom, string subject);
}
