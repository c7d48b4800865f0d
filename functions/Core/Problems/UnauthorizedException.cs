namespace Etransactions.Functions.Core.Problems;

/// <summary>The caller is not authenticated (a missing or wrong key). The response carries WWW-Authenticate.</summary>
public sealed class UnauthorizedException(string detail, Exception? innerException = null)
    : ProblemException(ProblemKind.Unauthorized, detail, innerException);
