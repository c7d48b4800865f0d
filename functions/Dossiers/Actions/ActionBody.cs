using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Dossiers.Submission;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>
/// The body of <c>POST /api/dossiers/{code}/actions</c>: the action and the fields it needs (reasons for a refusal,
/// a stop, a send-back or a coordination request; what is missing for a supplement; the other agency for an
/// opinion; the new date for an apology; the draft result as a PDF in base64; the files of a supplement; a
/// payment's reference).
/// </summary>
public sealed record ActionBody(
    DossierAction Action,
    [property: Text(2000)] string? Reason = null,
    [property: Text(200)] string? To = null,
    IReadOnlyList<string>? Missing = null,
    DateTimeOffset? NewDate = null,
    [property: Text(20_000_000)] string? Document = null,
    IReadOnlyList<ComponentUpload>? Components = null,
    [property: Text(200)] string? Reference = null);
