using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Conversion.Documents;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Conversion;

public sealed class ConversionOptions : IValidatableObject
{
    /// <summary>Public URL of the verification page (<c>/verify</c>) that QR codes and paper copies point to; the lookup code is appended.</summary>
    [ConfigurationKeyName("CONVERSION_VERIFY_URL_BASE")]
    public string VerifyUrlBase { get; set; } = "http://127.0.0.1:7071/verify";

    /// <summary>Largest scan accepted, in bytes; checked from the blob's properties before any download.</summary>
    [ConfigurationKeyName("SCAN_MAX_BYTES")]
    [Range(1, 500L * 1024 * 1024, ErrorMessage = "must be a whole number from {1} to {2}")]
    public long MaxBytes { get; set; } = ScanLimits.Default.MaxBytes;

    [ConfigurationKeyName("SCAN_MAX_PAGES")]
    [Range(1, 100_000, ErrorMessage = "must be a whole number from {1} to {2}")]
    public int MaxPages { get; set; } = ScanLimits.Default.MaxPages;

    /// <summary>Pixels of one page image, read from headers before anything is decoded.</summary>
    [ConfigurationKeyName("SCAN_MAX_PIXELS_PER_PAGE")]
    [Range(1, 400_000_000, ErrorMessage = "must be a whole number from {1} to {2}")]
    public long MaxPixelsPerPage { get; set; } = ScanLimits.Default.MaxPixelsPerPage;

    public ScanLimits Limits => new(MaxBytes, MaxPages, MaxPixelsPerPage);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(VerifyUrlBase, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(VerifyUrlBase)]);
        }
    }
}
