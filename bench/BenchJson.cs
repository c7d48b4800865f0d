using System.Text.Encodings.Web;
using System.Text.Json;

namespace Etransactions.Bench;

internal static class BenchJson
{
    /// <summary>camelCase, one line, Vietnamese letters as they are.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
