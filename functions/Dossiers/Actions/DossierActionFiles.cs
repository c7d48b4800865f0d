using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Submission;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>The files an action brings (a draft result, a supplement's components), checked before anything is stored.</summary>
public sealed class DossierActionFiles(DossierFiles files, TimeProvider clock)
{
    public CheckedFiles Check(Procedure procedure, ActionBody body)
    {
        var errors = new List<FieldError>();
        var document = body.Document is { } base64 ? DossierIntake.Decode("document", base64, errors) : null;
        var components = new List<(ComponentUpload Upload, byte[] Content)>();
        var known = procedure.Definition.Components.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < (body.Components?.Count ?? 0); i++)
        {
            var upload = body.Components![i];
            if (!known.Contains(upload.Id))
            {
                errors.Add(new($"components.{i}.id", $"Procedure {procedure.Code} has no component '{upload.Id}'."));
            }
            components.Add((upload, DossierIntake.Decode($"components.{i}.contentBase64", upload.ContentBase64, errors)));
        }
        ValidationFailedException.ThrowIfAny(errors);
        if (document is not null)
        {
            DossierFiles.RequirePdf("document", document);
        }
        return new CheckedFiles(files, clock, document, components);
    }
}

public sealed class CheckedFiles(DossierFiles files, TimeProvider clock, byte[]? document, IReadOnlyList<(ComponentUpload Upload, byte[] Content)> components)
{
    private static readonly IssuedDocument Held = new("draft", "", "", false, DateTimeOffset.MinValue);

    /// <summary>The command as the rules see it before the files are stored.</summary>
    public DossierCommand Placeholder(DossierCommand command) => command with
    {
        Document = document is null ? null : Held,
        Components = [.. components.Select(c => new StoredComponent(c.Upload.Id, c.Upload.FileName, "", c.Content.Length, "", "", command.At))],
    };

    public async Task<DossierCommand> StoreAsync(DossierCommand command, string code, CancellationToken cancellation)
    {
        IssuedDocument? draft = null;
        if (document is not null)
        {
            var (path, sha256) = await files.StoreDocumentAsync(code, "draft", document, cancellation);
            draft = new IssuedDocument("draft", path, sha256, false, clock.GetUtcNow());
        }
        var stored = new List<StoredComponent>();
        for (var i = 0; i < components.Count; i++)
        {
            var (upload, content) = components[i];
            stored.Add(await files.StoreComponentAsync($"components.{i}.contentBase64", upload.Id, upload.FileName, content, command.At, cancellation));
        }
        return command with { Document = draft, Components = stored };
    }
}
