using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Conversion.Documents.Ocr;

/// <summary>Which OCR engine reads the scans: Azure AI Document Intelligence when its endpoint is set, the local tesseract otherwise.</summary>
public sealed class OcrOptions : IValidatableObject
{
    /// <summary>The Document Intelligence account, e.g. https://di-etx-abc.cognitiveservices.azure.com/ (its custom subdomain: tokens need it).</summary>
    [ConfigurationKeyName("DOCUMENT_INTELLIGENCE_ENDPOINT")]
    public Uri? DocumentIntelligenceEndpoint { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The bearer token goes to this address: never over plain http.
        if (DocumentIntelligenceEndpoint is { } endpoint && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            yield return new("must be an https:// URL", [nameof(DocumentIntelligenceEndpoint)]);
        }
    }
}
