using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Core.Http;

/// <summary>
/// Runs the DataAnnotations of a body through its nested objects and collections, and reports each failure
/// at the JSON path of its field. Attributes may sit on the property or, for a positional record, on the
/// constructor parameter. The first failure of a field is reported; an object's class-level attributes and
/// <see cref="IValidatableObject"/> rules run when its fields passed, as DataAnnotations does.
/// </summary>
internal static class JsonAnnotations
{
    private static readonly object NoInstance = new();

    /// <summary>Validates a value deserialized from a body whose shape was sound.</summary>
    public static void Validate(object? value, JsonTypeInfo typeInfo, string path, List<FieldError> errors)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when value is not null:
                ValidateObject(value, typeInfo, path, errors);
                break;
            case JsonTypeInfoKind.Enumerable when value is IEnumerable items:
                var itemType = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                var index = 0;
                foreach (var item in items)
                {
                    Validate(item, itemType, FieldPath.Index(path, index++), errors);
                }

                break;
            case JsonTypeInfoKind.Dictionary when value is IDictionary entries:
                var valueType = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                foreach (DictionaryEntry entry in entries)
                {
                    Validate(entry.Value, valueType, FieldPath.Child(path, Convert.ToString(entry.Key, null) ?? ""), errors);
                }

                break;
        }
    }

    /// <summary>
    /// Validates the parts of a body whose shape was sound, around the fields in <paramref name="errors"/>
    /// (which cannot be deserialized), so that the caller learns of every problem at once.
    /// </summary>
    public static void ValidateSoundParts(JsonElement element, JsonTypeInfo typeInfo, string path, List<FieldError> errors)
    {
        var broken = errors.Select(error => error.Field).ToHashSet(StringComparer.Ordinal);
        ValidateAround(element, typeInfo, path, broken, errors);
    }

    private static void ValidateAround(JsonElement element, JsonTypeInfo typeInfo, string path, HashSet<string> broken, List<FieldError> errors)
    {
        var options = typeInfo.Options;
        if (typeInfo.Kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object)
        {
            var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var properties = typeInfo.Properties.Where(property => !property.IsExtensionData).ToDictionary(property => property.Name, comparer);
            foreach (var member in element.EnumerateObject())
            {
                if (properties.TryGetValue(member.Name, out var property))
                {
                    var propertyType = options.GetTypeInfo(property.PropertyType);
                    ValidatePart(member.Value, propertyType, property, FieldPath.Child(path, member.Name), broken, errors);
                }
            }
        }
        else if (typeInfo.Kind is JsonTypeInfoKind.Enumerable && element.ValueKind == JsonValueKind.Array)
        {
            var itemType = options.GetTypeInfo(typeInfo.ElementType!);
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                ValidatePart(item, itemType, property: null, FieldPath.Index(path, index++), broken, errors);
            }
        }
        else if (typeInfo.Kind is JsonTypeInfoKind.Dictionary && element.ValueKind == JsonValueKind.Object)
        {
            var valueType = options.GetTypeInfo(typeInfo.ElementType!);
            foreach (var entry in element.EnumerateObject())
            {
                ValidatePart(entry.Value, valueType, property: null, FieldPath.Child(path, entry.Name), broken, errors);
            }
        }
    }

    private static void ValidatePart(
        JsonElement element, JsonTypeInfo typeInfo, JsonPropertyInfo? property, string path, HashSet<string> broken, List<FieldError> errors)
    {
        if (broken.Contains(path))
        {
            return;
        }

        if (broken.Any(field => field.StartsWith(path + ".", StringComparison.Ordinal)))
        {
            ValidateAround(element, typeInfo, path, broken, errors);
            return;
        }

        object? value;
        try
        {
            value = element.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return; // a converter of the property's own refused it; the full read will say where
        }

        if (property is null || CheckProperty(property, value, instance: null, path, errors))
        {
            Validate(value, typeInfo, path, errors);
        }
    }

    private static void ValidateObject(object value, JsonTypeInfo typeInfo, string path, List<FieldError> errors)
    {
        var before = errors.Count;
        foreach (var property in typeInfo.Properties.Where(property => property.Get is not null && !property.IsExtensionData))
        {
            var propertyValue = property.Get!(value);
            var propertyPath = FieldPath.Child(path, property.Name);
            if (CheckProperty(property, propertyValue, value, propertyPath, errors))
            {
                Validate(propertyValue, typeInfo.Options.GetTypeInfo(property.PropertyType), propertyPath, errors);
            }
        }

        var context = new ValidationContext(value);
        foreach (var attribute in typeInfo.Type.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            if (attribute.GetValidationResult(value, context) is { } failed)
            {
                errors.AddRange(Locate(failed, typeInfo, path));
            }
        }

        if (errors.Count == before && value is IValidatableObject rules)
        {
            foreach (var failed in rules.Validate(context))
            {
                errors.AddRange(Locate(failed, typeInfo, path));
            }
        }
    }

    /// <summary>The property's attributes; false, with the first failure added, when one fails.</summary>
    private static bool CheckProperty(
        JsonPropertyInfo property, object? value, object? instance, string path, List<FieldError> errors)
    {
        var context = new ValidationContext(instance ?? NoInstance)
        {
            MemberName = (property.AttributeProvider as MemberInfo)?.Name,
            DisplayName = property.Name,
        };
        foreach (var attribute in Attributes(property))
        {
            // Without the containing object, an attribute comparing with its other members cannot run.
            if (instance is null && attribute.RequiresValidationContext)
            {
                continue;
            }

            if (attribute.GetValidationResult(value, context) is { } failed)
            {
                errors.Add(new(path, failed.ErrorMessage ?? "Not valid."));
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<ValidationAttribute> Attributes(JsonPropertyInfo property)
    {
        var type = typeof(ValidationAttribute);
        var onMember = property.AttributeProvider?.GetCustomAttributes(type, inherit: true) ?? [];
        var onParameter = property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(type, inherit: true) ?? [];
        return onMember.Concat(onParameter).Cast<ValidationAttribute>();
    }

    /// <summary>A rule's failure, at the JSON path of each member it names, or at the object's own path.</summary>
    private static List<FieldError> Locate(ValidationResult failed, JsonTypeInfo typeInfo, string path)
    {
        var message = failed.ErrorMessage ?? "Not valid.";
        var fields = failed.MemberNames
            .Select(member => JsonNameOf(typeInfo, member))
            .Select(name => new FieldError(FieldPath.Child(path, name), message))
            .ToList();
        return fields.Count > 0 ? fields : [new(path, message)];
    }

    private static string JsonNameOf(JsonTypeInfo typeInfo, string memberName) =>
        typeInfo.Properties.FirstOrDefault(property => (property.AttributeProvider as MemberInfo)?.Name == memberName)?.Name
        ?? memberName;
}
