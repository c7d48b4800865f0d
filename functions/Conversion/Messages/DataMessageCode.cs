using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Conversion.Messages;

/// <summary>A lookup code given in a request: read as a person typed it, or the problem that says why not.</summary>
public static class DataMessageCode
{
    /// <exception cref="ValidationFailedException">400 naming the field <c>code</c>, with the check-character explanation when it is that.</exception>
    public static LookupCode Parse(string? input)
    {
        try
        {
            return LookupCode.Parse(input ?? "");
        }
        catch (InvalidLookupCodeException invalid)
        {
            var message = $"{invalid.ReasonVi} / {invalid.ReasonEn}";
            throw new ValidationFailedException([new FieldError("code", message)], message);
        }
    }

    public static NotFoundException NotFound(LookupCode code) =>
        new($"Không có thông điệp dữ liệu mã {code.Display} / No data message has the code {code.Display}");
}
