namespace Etransactions.Functions.Core.Problems;

/// <summary>The caller is not authenticated (a missing or wrong key or token). The response carries WWW-Authenticate.</summary>
public sealed class UnauthorizedException(string detail, Exception? innerException = null)
    : ProblemException(ProblemKind.Unauthorized, detail, innerException)
{
    public const string ApiKeyChallenge = "ApiKey header=\"x-api-key\"";

    /// <summary>The WWW-Authenticate value: how to authenticate (the API key unless said otherwise).</summary>
    public string Challenge { get; init; } = ApiKeyChallenge;
}
