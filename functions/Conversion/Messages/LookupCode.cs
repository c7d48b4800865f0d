using System.Security.Cryptography;
using System.Text;

namespace Etransactions.Functions.Conversion.Messages;

/// <summary>
/// Lookup codes of data messages (Art. 5.1.b: "a unique code to access the data message through a search
/// interface"). Nine symbols from the 31 of <see cref="Alphabet"/> (no 0, O, 1, I, L, so a code read aloud or
/// retyped cannot be confused), shown as <c>K7Q-M4T-ZP5</c>. The ninth is a check symbol c with
/// <c>1·v0 + 2·v1 + … + 8·v7 + 9·c ≡ 0 (mod 31)</c>: 31 is prime and the weights differ, so any one mistyped
/// symbol and any swap of two neighbours is caught.
/// </summary>
public readonly record struct LookupCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int DataLength = 8;
    public const int Length = DataLength + 1;
    private const int Modulus = 31;

    private LookupCode(string canonical) => Canonical = canonical;

    /// <summary>Nine symbols, upper case, no hyphens: how the registry keys it.</summary>
    public string Canonical { get; }

    /// <summary><c>XXX-XXX-XXX</c>, as shown to people.</summary>
    public string Display => $"{Canonical[..3]}-{Canonical[3..6]}-{Canonical[6..]}";

    public override string ToString() => Display;

    /// <summary>
    /// The <paramref name="attempt"/>-th candidate code of a message, derived from its id: a re-delivery reserves
    /// the same code again, and a later attempt is needed only when another message holds an earlier one.
    /// </summary>
    public static LookupCode Candidate(string messageId, int attempt)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}:{attempt}"));
        var data = string.Concat(digest.Take(DataLength).Select(value => Alphabet[value % Modulus]));
        return new LookupCode(data + CheckSymbol(data));
    }

    /// <summary>Reads a code as a person typed it: any case, hyphens and spaces ignored.</summary>
    /// <exception cref="InvalidLookupCodeException">Says what is wrong, in Vietnamese and English.</exception>
    public static LookupCode Parse(string input)
    {
        var canonical = string.Concat(input.Where(symbol => symbol != '-' && !char.IsWhiteSpace(symbol))).ToUpperInvariant();
        if (canonical.Length == 0)
        {
            throw new InvalidLookupCodeException(LookupCodeProblem.Empty, "Chưa nhập mã tra cứu.", "No lookup code was given.");
        }
        if (canonical.FirstOrDefault(symbol => !Alphabet.Contains(symbol, StringComparison.Ordinal)) is var bad and not '\0')
        {
            var confusable = "0O1IL".Contains(bad, StringComparison.Ordinal);
            throw new InvalidLookupCodeException(
                LookupCodeProblem.Character,
                $"Mã tra cứu có ký tự không hợp lệ \"{bad}\".{(confusable ? " Mã không bao giờ chứa 0, O, 1, I, L." : "")}",
                $"The lookup code contains the character \"{bad}\", which codes do not use.{(confusable ? " Codes never contain 0, O, 1, I or L." : "")}");
        }
        if (canonical.Length != Length)
        {
            throw new InvalidLookupCodeException(
                LookupCodeProblem.Length,
                $"Mã tra cứu phải có {Length} ký tự (không kể dấu gạch), nhận được {canonical.Length}.",
                $"A lookup code has {Length} characters (hyphens aside); got {canonical.Length}.");
        }
        var given = canonical[DataLength];
        if (CheckSymbol(canonical[..DataLength]) != given)
        {
            throw new InvalidLookupCodeException(
                LookupCodeProblem.Check,
                $"Ký tự kiểm tra \"{given}\" (ký tự cuối) không khớp với mã: có ký tự bị gõ nhầm hoặc đổi chỗ.",
                $"The check character \"{given}\" (the last one) does not match the code: a character was mistyped or two were swapped.");
        }
        return new LookupCode(canonical);
    }

    /// <summary>The check symbol for eight data symbols (already of the alphabet).</summary>
    public static char CheckSymbol(string data)
    {
        var sum = data.Select((symbol, i) => (i + 1) * Alphabet.IndexOf(symbol, StringComparison.Ordinal)).Sum();
        var weight = data.Length + 1;
        // Solve weight * c ≡ -sum (mod 31) by trying the 31 values: cheap and plainly right.
        var check = Enumerable.Range(0, Modulus).First(c => (sum + (weight * c)) % Modulus == 0);
        return Alphabet[check];
    }
}

public enum LookupCodeProblem
{
    Empty,
    Character,
    Length,
    Check,
}

/// <summary>What a person typed is not a lookup code; the reasons say why to them.</summary>
public sealed class InvalidLookupCodeException(LookupCodeProblem problem, string reasonVi, string reasonEn) : Exception(reasonEn)
{
    public LookupCodeProblem Problem { get; } = problem;

    public string ReasonVi { get; } = reasonVi;

    public string ReasonEn { get; } = reasonEn;
}
