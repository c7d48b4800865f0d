namespace Etransactions.Functions.Core.Problems;

/// <summary>One problem with one field of the input. <c>Field</c> is a dotted path (<c>focalPoint.email</c>,
/// <c>months.3.activeUsers</c>), or <c>(body)</c> for the body as a whole.</summary>
public sealed record FieldError(string Field, string Message);
