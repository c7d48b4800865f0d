using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Core.Http;

/// <summary>
/// Compares a parsed JSON value with the shape of the type it is to become, field by field, so that every
/// missing field, unknown field and value of the wrong kind is found at once (the serializer stops at the
/// first). The shape is System.Text.Json's own metadata: JSON names, required members, nullability.
/// </summary>
internal static class JsonShape
{
    public static void Check(JsonElement element, JsonTypeInfo typeInfo, bool nullable, string path, List<FieldError> errors)
    {
        if (AcceptsAnything(typeInfo.Type))
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                errors.Add(new(path, path == FieldPath.Root ? "Expected a JSON object, got null." : "Must not be null."));
            }

            return;
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(element, typeInfo, path, errors);
                break;
            case JsonTypeInfoKind.Enumerable:
                CheckItems(element, typeInfo, path, errors);
                break;
            case JsonTypeInfoKind.Dictionary:
                CheckEntries(element, typeInfo, path, errors);
                break;
            default:
                CheckValue(element, typeInfo, path, errors);
                break;
        }
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "Expected an object."));
            return;
        }

        var options = typeInfo.Options;
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var properties = typeInfo.Properties.Where(property => !property.IsExtensionData).ToDictionary(property => property.Name, comparer);
        var refusesUnknown = (typeInfo.UnmappedMemberHandling ?? options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Disallow
            && !typeInfo.Properties.Any(property => property.IsExtensionData);
        var seen = new HashSet<string>(comparer);
        foreach (var member in element.EnumerateObject())
        {
            var memberPath = FieldPath.Child(path, member.Name);
            if (!properties.TryGetValue(member.Name, out var property))
            {
                if (refusesUnknown)
                {
                    errors.Add(new(memberPath, "Not a known field."));
                }
            }
            else if (!seen.Add(property.Name))
            {
                errors.Add(new(memberPath, "Appears more than once."));
            }
            else if (ReadsPlainly(property) || member.Value.ValueKind == JsonValueKind.Null)
            {
                // A property read its own way (its converter, its number handling) is left to the
                // serializer, past the null check.
                var nullable = property.AssociatedParameter?.IsNullable ?? property.IsSetNullable;
                Check(member.Value, options.GetTypeInfo(property.PropertyType), nullable, memberPath, errors);
            }
        }

        foreach (var property in typeInfo.Properties.Where(property => property.IsRequired && !seen.Contains(property.Name)))
        {
            errors.Add(new(FieldPath.Child(path, property.Name), "Required."));
        }
    }

    private static void CheckItems(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, "Expected an array."));
            return;
        }

        var itemType = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            // Nullability of a collection's items is not in the metadata: only Nullable<T> items may be null.
            Check(item, itemType, IsNullableValueType(itemType.Type), FieldPath.Index(path, index++), errors);
        }
    }

    private static void CheckEntries(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "Expected an object."));
            return;
        }

        var valueType = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
        foreach (var entry in element.EnumerateObject())
        {
            Check(entry.Value, valueType, IsNullableValueType(valueType.Type), FieldPath.Child(path, entry.Name), errors);
        }
    }

    /// <summary>A single value (string, number, date, enum…): the serializer itself says whether it reads.</summary>
    private static void CheckValue(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors)
    {
        try
        {
            _ = element.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            errors.Add(new(path, $"Expected {JsonExpectations.Describe(typeInfo)}."));
        }
    }

    private static bool ReadsPlainly(JsonPropertyInfo property) =>
        property.CustomConverter is null && property.NumberHandling is null;

    private static bool AcceptsAnything(Type type) =>
        type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonElement?)
        || type == typeof(JsonDocument) || typeof(JsonNode).IsAssignableFrom(type);

    private static bool IsNullableValueType(Type type) => Nullable.GetUnderlyingType(type) is not null;
}
