namespace Etransactions.Functions.Core.Problems;

/// <summary>The caller is authenticated but may not do this.</summary>
public sealed class ForbiddenException(string detail, Exception? innerException = null)
    : ProblemException(ProblemKind.Forbidden, detail, innerException);
