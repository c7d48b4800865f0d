namespace Etransactions.Functions.Core.Problems;

/// <summary>The request conflicts with the current state (a duplicate, a version moved on).</summary>
public sealed class ConflictException(string detail, Exception? innerException = null)
    : ProblemException(ProblemKind.Conflict, detail, innerException);
