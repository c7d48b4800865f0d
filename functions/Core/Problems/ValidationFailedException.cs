namespace Etransactions.Functions.Core.Problems;

/// <summary>The input is not valid; <see cref="Errors"/> lists every field at fault, all at once.</summary>
public sealed class ValidationFailedException : ProblemException
{
    public const string DefaultDetail = "The request is not valid.";

    public ValidationFailedException(IReadOnlyList<FieldError> errors, string detail = DefaultDetail)
        : base(ProblemKind.Validation, detail)
    {
        Errors = errors;
        Extensions["errors"] = errors;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> holds any.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
