using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Etransactions.Functions.Core.Http;

/// <summary>The JSON the API reads and writes: System.Text.Json's web defaults, made strict.</summary>
public static class AppJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // "5" is not 5: the web defaults would read numbers from strings.
            NumberHandling = JsonNumberHandling.Strict,
            // A field the type does not know is refused, not dropped: a misspelt optional field would
            // otherwise be lost without a word. A type can opt out with [JsonUnmappedMemberHandling(Skip)].
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new IsoTimeJsonConverter() },
            // Vietnamese as written, not \u-escaped, as ASP.NET Core writes its own JSON: the bodies are
            // application/json, never inlined in HTML, so HTML-sensitive characters need no escaping.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
