using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Core.Http;

/// <summary>
/// The <c>Idempotency-Key</c> request header: 16 to 255 visible ASCII characters, such as a UUID. It seals the
/// key it asks for (<see cref="SealedKey"/>), so it must not be guessable: a short one is refused.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public static bool IsValid(string value) => value.Length is >= 16 and <= 255 && value.All(c => c is >= '!' and <= '~');

    public static void Require(string value)
    {
        if (!IsValid(value))
        {
            throw new ValidationFailedException([new FieldError(Header, "16 to 255 visible ASCII characters, such as a UUID.")]);
        }
    }
}
