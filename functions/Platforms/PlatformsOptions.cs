using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Platforms;

public sealed class PlatformsOptions
{
    public const int DefaultMaxBodyBytes = 64 * 1024;

    /// <summary>Largest JSON body the platforms API reads, in bytes; a larger one is refused (413) before it is parsed.</summary>
    [ConfigurationKeyName("PLATFORMS_MAX_BODY_BYTES")]
    [Range(1024, 1024 * 1024, ErrorMessage = "must be a whole number from {1} to {2}")]
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
