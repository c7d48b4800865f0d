using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.ApiKeys;

public sealed class ApiKeyOptions : IValidatableObject
{
    /// <summary>The Ministry operators' key, sent in x-api-key. In Azure a Key Vault reference.</summary>
    [ConfigurationKeyName("REGULATOR_API_KEY")]
    [Required(ErrorMessage = "is missing")]
    public string RegulatorKey { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Left unresolved (the secret is missing), a Key Vault reference would be a guessable key.
        if (RegulatorKey.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            yield return new ValidationResult("is an unresolved Key Vault reference (is the secret missing?)", [nameof(RegulatorKey)]);
        }
        else if (RegulatorKey.Length is > 0 and < 24)
        {
            yield return new ValidationResult("must be at least 24 characters", [nameof(RegulatorKey)]);
        }
    }
}
