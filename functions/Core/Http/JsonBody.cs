using System.Text.Json;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Etransactions.Functions.Core.Http;

/// <summary>
/// Reads JSON request bodies into typed values, or throws the problem the caller should see:
/// 415 for a body that is not JSON, 413 for one over the limit (by its Content-Length, and by counting
/// while reading), 400 for malformed JSON (one error naming the position), and otherwise one 400 listing
/// every invalid field at once: missing required members, fields the type does not know (refused, see
/// <see cref="AppJson"/>), nulls where the type has none, values of the wrong kind, and the DataAnnotations
/// of nested objects and collections. Field paths read <c>focalPoint.email</c>, <c>months.3.activeUsers</c>.
/// </summary>
public static class JsonBody
{
    public const int DefaultMaxBytes = 256 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, int maxBytes = DefaultMaxBytes)
    {
        RequireJson(request.ContentType);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var body = await ReadAtMostAsync(request.Body, maxBytes, request.HttpContext.RequestAborted);
        return Deserialize<T>(body);
    }

    /// <summary>UTF-8 JSON from anywhere (a body, a blob) into <typeparamref name="T"/>, with the errors as above.</summary>
    public static T Deserialize<T>(ReadOnlyMemory<byte> utf8Json)
    {
        var json = utf8Json.Span.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw Invalid(FieldPath.Root, "The body is empty: send a JSON value.");
        }

        using var document = Parse(json);
        return Deserialize<T>(document.RootElement);
    }

    /// <summary>
    /// A JSON value already parsed (a body read as <see cref="JsonElement"/>, a member of one) into
    /// <typeparamref name="T"/>, with the errors as above; field paths are relative to <paramref name="element"/>.
    /// </summary>
    public static T Deserialize<T>(JsonElement element)
    {
        var typeInfo = AppJson.Options.GetTypeInfo(typeof(T));
        var errors = new List<FieldError>();
        JsonShape.Check(element, typeInfo, nullable: false, FieldPath.Root, errors);
        if (errors.Count > 0)
        {
            JsonAnnotations.ValidateSoundParts(element, typeInfo, FieldPath.Root, errors);
            throw new ValidationFailedException(errors);
        }

        T value;
        try
        {
            value = (T)element.Deserialize(typeInfo)!;
        }
        catch (JsonException exception)
        {
            // Whatever the shape check could not foresee (a converter's own rule) still names its field.
            throw Invalid(FieldPath.FromJsonPath(exception.Path), "Not a valid value.");
        }

        JsonAnnotations.Validate(value, typeInfo, FieldPath.Root, errors);
        ValidationFailedException.ThrowIfAny(errors);
        return value;
    }

    /// <summary><c>application/json</c> or any <c>application/*+json</c>, in UTF-8.</summary>
    internal static void RequireJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            || !(media.SubType.Equals("json", StringComparison.OrdinalIgnoreCase)
                || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UnsupportedMediaTypeException(
                $"Send the body as application/json (got \"{(string.IsNullOrWhiteSpace(contentType) ? "nothing" : contentType)}\").");
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedMediaTypeException($"Send the body in UTF-8 (got charset \"{media.Charset}\").");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // Counted as it comes: a missing or false Content-Length must not let a larger body through.
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            var at = $"line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}";
            throw Invalid(FieldPath.Root, $"Not valid JSON at {at}: {Reason(exception)}");
        }
    }

    /// <summary>The reader's message without the position it appends (given above, counted from 1).</summary>
    private static string Reason(JsonException exception)
    {
        var at = exception.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? exception.Message : exception.Message[..at];
    }

    private static PayloadTooLargeException TooLarge(int maxBytes) => new($"The body is over the limit of {maxBytes} bytes.");

    private static ValidationFailedException Invalid(string field, string message) => new([new FieldError(field, message)]);
}
