using System.Text.Json;

namespace Etransactions.Functions.Core.Storage;

/// <summary>An enum in a table column, written as the API writes it in JSON (<c>particularlyLarge</c>).</summary>
public static class EnumColumn
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"The stored value \"{text}\" is not a {typeof(T).Name}.");

    public static T? ParseOrNull<T>(string? text) where T : struct, Enum => text is null ? null : Parse<T>(text);
}
