using System.Text.RegularExpressions;
using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;

namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary>The rules between a procedure's fields that the JSON shape cannot say.</summary>
public static partial class ProcedureRules
{
    /// <summary>A catalogue code such as <c>2.000488</c> or <c>1.001612.000.00.00.H26</c>: it becomes a table key.</summary>
    public static string ParseCode(string code) =>
        CodePattern().IsMatch(code) ? code : throw new ValidationFailedException([new FieldError("code", "A procedure code of letters, digits, dots and hyphens, at most 60, like 2.000488.")]);

    public static void Check(ProcedureBody body)
    {
        var errors = new List<FieldError>();
        if (!AgencyCode.IsValid(body.Agency))
        {
            errors.Add(new("agency", "An agency code of letters, digits, dots, underscores and hyphens, like 000.00.00.H26."));
        }
        CheckComponents(body.Components, errors);
        CheckSteps(body.Steps, errors);
        ValidationFailedException.ThrowIfAny(errors);
    }

    private static void CheckComponents(IReadOnlyList<ProcedureComponent> components, List<FieldError> errors)
    {
        if (components.Count == 0)
        {
            errors.Add(new("components", "A dossier has at least one component."));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            if (!ComponentIdPattern().IsMatch(components[i].Id))
            {
                errors.Add(new($"components.{i}.id", "Lower-case letters, digits and hyphens, at most 40, like application-form."));
            }
            else if (!seen.Add(components[i].Id))
            {
                errors.Add(new($"components.{i}.id", $"'{components[i].Id}' is listed twice."));
            }
        }
    }

    private static void CheckSteps(IReadOnlyList<ProcedureStep> steps, List<FieldError> errors)
    {
        if (steps.Count < 2 || steps[0].Action != DossierAction.Accept || steps[^1].Action != DossierAction.Issue)
        {
            errors.Add(new("steps", "The steps begin with accept and end with issue."));
        }
        var seen = new HashSet<DossierAction>();
        var last = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            var order = DossierActions.StepOrder(steps[i].Action);
            if (order < 0)
            {
                errors.Add(new($"steps.{i}.action", $"A step is one of {string.Join(", ", DossierActions.Steps.Select(Camel))}."));
            }
            else if (!seen.Add(steps[i].Action) || order < last)
            {
                errors.Add(new($"steps.{i}.action", $"Each step once, in the order {string.Join(", ", DossierActions.Steps.Select(Camel))}."));
            }
            last = Math.Max(last, order);
            if (!Roles.Officers.Contains(steps[i].Role))
            {
                errors.Add(new($"steps.{i}.role", $"An officer's role: {string.Join(", ", Roles.Officers)}."));
            }
        }
    }

    private static string Camel(DossierAction action) => Core.Storage.EnumColumn.Of(action);

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z.-]{0,59}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ComponentIdPattern();
}
