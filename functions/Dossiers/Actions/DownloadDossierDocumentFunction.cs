using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary><c>GET /api/dossiers/{code}/documents/{name}</c> (its readers): a document issued to the applicant, the result returned online.</summary>
public sealed class DownloadDossierDocumentFunction(IActorAuthenticator authenticator, DossierReading reading, DossierFiles files)
{
    public const string Name = "downloadDossierDocument";

    [Function(Name)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dossiers/{code}/documents/{name}")] HttpRequest request, string code, string name)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        var context = await reading.ReadAsync(code, cancellation);
        actor.RequireReader(context.Dossier);
        var document = context.Dossier.Documents.LastOrDefault(d => d.Name == name)
            ?? throw new NotFoundException($"Hồ sơ {code} chưa có văn bản {name} / Dossier {code} has no document {name} issued.");
        var pdf = await files.ReadAsync(document.Path, cancellation);
        return TypedResults.File(pdf, "application/pdf", $"{code}-{name}.pdf");
    }
}
