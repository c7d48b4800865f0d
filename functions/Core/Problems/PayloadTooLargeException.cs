namespace Etransactions.Functions.Core.Problems;

/// <summary>The body is over the limit.</summary>
public sealed class PayloadTooLargeException(string detail, Exception? innerException = null)
    : ProblemException(ProblemKind.PayloadTooLarge, detail, innerException);
