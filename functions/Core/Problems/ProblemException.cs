namespace Etransactions.Functions.Core.Problems;

/// <summary>
/// An error the caller can act on. Domain and parsing code throw one of its subclasses; only the problem
/// middleware turns it into an HTTP response, so domain code never speaks HTTP. The message is the
/// problem's <c>detail</c>, which the caller reads: no internals in it.
/// </summary>
public abstract class ProblemException : Exception
{
    protected ProblemException(ProblemKind kind, string detail, Exception? innerException = null)
        : base(detail, innerException) => Kind = kind;

    public ProblemKind Kind { get; }

    /// <summary>Members added to the problem body beside type, title, status and detail (<c>field</c>, say).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
