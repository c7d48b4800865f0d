using System.Text.Json;

namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

/// <summary>The service's JSON: camelCase, and members this engine does not know are ignored, not refused.</summary>
internal static class DocumentIntelligenceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
