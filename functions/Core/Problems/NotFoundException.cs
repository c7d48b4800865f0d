namespace Etransactions.Functions.Core.Problems;

/// <summary>The thing asked for does not exist.</summary>
public sealed class NotFoundException(string detail, Exception? innerException = null)
    : ProblemException(ProblemKind.NotFound, detail, innerException);
