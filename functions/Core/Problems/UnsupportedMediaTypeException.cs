namespace Etransactions.Functions.Core.Problems;

/// <summary>The body is not of a media type the endpoint reads.</summary>
public sealed class UnsupportedMediaTypeException(string detail, Exception? innerException = null)
    : ProblemException(ProblemKind.UnsupportedMediaType, detail, innerException);
