using System.Security.Cryptography;
using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;

namespace Etransactions.Functions.Dossiers.Submission;

/// <summary>A submission as received: the dossier, whether this request made it, and the deadline of its intake.</summary>
public sealed record Receipt(Dossier Dossier, bool Created, DateTimeOffset IntakeDue);

/// <summary>
/// Receives a dossier (Decree 137 Art. 7.1, Decree 45 Art. 11): checks it against the procedure version in force,
/// stores its files, gives it the next code of its agency and day, and answers the automatic acknowledgement. The
/// same Idempotency-Key from the same applicant gives the same dossier; with another body it is refused.
/// </summary>
public sealed class DossierIntake(ProcedureStore procedures, DossierStore dossiers, DossierFiles files, CalendarStore calendars)
{
    /// <summary>The e-form's data as JSON, at most.</summary>
    public const int MaxFormBytes = 16 * 1024;

    public async Task<Receipt> ReceiveAsync(Actor actor, SubmissionBody body, string bodyHash, string? idempotencyKey, DateTimeOffset now, CancellationToken cancellation)
    {
        if (!actor.Has(Roles.Applicant))
        {
            throw new ForbiddenException("Chỉ người nộp hồ sơ (vai trò applicant) được nộp hồ sơ / Only an applicant may submit a dossier.");
        }
        var procedure = ProceduresInForce.Require(body.Procedure, await procedures.VersionsAsync(body.Procedure, cancellation), now);
        CheckForm(body.Form);
        var uploads = CheckComponents(procedure, body.Components);
        var key = new SubmissionKey(actor.Subject, idempotencyKey ?? Guid.NewGuid().ToString("N"), bodyHash);
        var stored = new List<StoredComponent>();
        for (var i = 0; i < uploads.Count; i++)
        {
            stored.Add(await files.StoreComponentAsync($"components.{i}.contentBase64", body.Components[i].Id, body.Components[i].FileName, uploads[i], now, cancellation));
        }
        var calendar = await calendars.CurrentAsync(cancellation);
        var (dossier, created, sameBody) = await dossiers.CreateAsync(procedure.Agency, now, key, code => new Dossier
        {
            Code = code,
            Agency = procedure.Agency,
            ProcedureCode = procedure.Code,
            ProcedureVersion = procedure.Version,
            Channel = Channel.Online,
            ApplicantSubject = actor.Subject,
            Applicant = new ApplicantDetails(body.Applicant.Name.Trim(), body.Applicant.IdNumber, body.Applicant.Email.Trim(), body.Applicant.Phone.Trim()),
            Form = body.Form.GetRawText(),
            Components = stored,
            ReceivedAt = now,
            CountsFrom = calendar.NextWorkingMoment(now),
            State = DossierState.Received,
            Sequence = 1,
        }, cancellation);
        if (!sameBody)
        {
            throw new ConflictException($"Khóa {IdempotencyKey.Header} này đã dùng cho hồ sơ {dossier.Code} với nội dung khác / This {IdempotencyKey.Header} was used for dossier {dossier.Code} with another body.");
        }
        return new Receipt(dossier, created, new Deadlines(calendar, procedure.Definition.TimeLimit).IntakeDue(dossier));
    }

    public static string HashOf(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    private static void CheckForm(JsonElement form)
    {
        if (form.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException([new FieldError("form", "The e-form's data, as a JSON object.")]);
        }
        if (form.GetRawText().Length > MaxFormBytes)
        {
            throw new ValidationFailedException([new FieldError("form", $"At most {MaxFormBytes} bytes of form data: send documents as components.")]);
        }
    }

    /// <summary>Every component is one the procedure lists, at most once, each required one present, each file base64 within the limit.</summary>
    private static List<byte[]> CheckComponents(Procedure procedure, IReadOnlyList<ComponentUpload> components)
    {
        var errors = new List<FieldError>();
        var known = procedure.Definition.Components.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var contents = new List<byte[]>();
        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i];
            if (!known.ContainsKey(component.Id))
            {
                errors.Add(new($"components.{i}.id", $"Procedure {procedure.Code} has no component '{component.Id}': {string.Join(", ", known.Keys)}."));
            }
            else if (!seen.Add(component.Id))
            {
                errors.Add(new($"components.{i}.id", $"'{component.Id}' is sent twice."));
            }
            contents.Add(Decode($"components.{i}.contentBase64", component.ContentBase64, errors));
        }
        foreach (var missing in procedure.Definition.Components.Where(c => c.Required && !seen.Contains(c.Id)))
        {
            errors.Add(new("components", $"The required component '{missing.Id}' ({missing.Name}) is missing."));
        }
        ValidationFailedException.ThrowIfAny(errors);
        return contents;
    }

    public static byte[] Decode(string field, string base64, List<FieldError> errors)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length > DossierFiles.MaxFileBytes)
            {
                errors.Add(new(field, $"A file of at most {DossierFiles.MaxFileBytes / (1024 * 1024)} MB."));
            }
            else if (bytes.Length == 0)
            {
                errors.Add(new(field, "The file is empty."));
            }
            return bytes;
        }
        catch (FormatException)
        {
            errors.Add(new(field, "Not base64."));
            return [];
        }
    }
}
