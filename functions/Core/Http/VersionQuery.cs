using System.Globalization;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;

namespace Etransactions.Functions.Core.Http;

/// <summary>The <c>?version=n</c> of a read of versioned data: null when absent (the newest), else a version number or 400.</summary>
public static class VersionQuery
{
    public static int? Parse(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var version = Read(request, errors);
        ValidationFailedException.ThrowIfAny(errors);
        return version;
    }

    /// <summary>The same, its error added to <paramref name="errors"/> beside those of the query's other fields.</summary>
    public static int? Read(HttpRequest request, List<FieldError> errors)
    {
        if (request.Query["version"] is not { Count: > 0 } versions)
        {
            return null;
        }
        // Digits only, no sign, no leading zero: one spelling per version, so one URL per cached file.
        if (versions.Count == 1 && versions[0] is { Length: > 0 and <= 9 } text && text[0] != '0' && text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, CultureInfo.InvariantCulture);
        }
        errors.Add(new FieldError("version", "phải là số phiên bản, số nguyên từ 1 / must be a version number, a whole number from 1"));
        return null;
    }
}
