using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Dossiers.Submission;

/// <summary>The body of <c>POST /api/dossiers</c>: the procedure, the applicant, the e-form's data and the component files.</summary>
public sealed record SubmissionBody(
    [property: Text(60)] string Procedure,
    ApplicantBody Applicant,
    JsonElement Form,
    IReadOnlyList<ComponentUpload> Components);

/// <summary>The applicant as the dossier names them: full name, identity number (CCCD, 12 digits, or a passport number) and contact.</summary>
public sealed record ApplicantBody(
    [property: Text(200)] string Name,
    [property: RegularExpression("^([0-9]{9}|[0-9]{12}|[A-Z][0-9]{7,8})$", ErrorMessage = "A citizen identity number of 12 digits (or an old 9-digit one), or a passport number such as C1234567.")] string IdNumber,
    [property: Text(254), EmailAddress(ErrorMessage = "An e-mail address.")] string Email,
    [property: Text(30), Telephone] string Phone);

/// <summary>A component file, by the procedure's component id, its name and its content in base64.</summary>
public sealed record ComponentUpload([property: Text(40)] string Id, [property: Text(200)] string FileName, [property: Text(20_000_000)] string ContentBase64);
