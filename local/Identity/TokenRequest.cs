namespace Etransactions.Local.Identity;

/// <summary>
/// The body of <c>POST /admin/tokens</c>: <c>{ "sub", "name", "roles": [...], "agency"?, "expiresInMinutes"? }</c>,
/// read strictly so a walk-through's typo is told, not turned into a token that lacks what was meant.
/// </summary>
public sealed partial record TokenRequest(string Subject, string Name, IReadOnlyList<string> Roles, string? Agency, TimeSpan Lifetime)
{
    /// <summary>Long enough for a walk-through that moves the clock weeks ahead.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public const int MaxMinutes = 366 * 24 * 60;

    /// <summary>The roles the app knows (functions/Identity/Roles.cs; a test keeps the two alike).</summary>
    public static readonly IReadOnlyList<string> KnownRoles = ["applicant", "receiver", "processor", "approver", "signer", "agencyAdmin", "regulator"];

    private static readonly string[] Fields = ["sub", "name", "roles", "agency", "expiresInMinutes"];

    /// <summary>The request, or the list of what is wrong with the body.</summary>
    public static (TokenRequest? Request, IReadOnlyList<string> Errors) Read(JsonNode? body)
    {
        if (body is not JsonObject fields)
        {
            return (null, ["the body must be a JSON object: { \"sub\", \"name\", \"roles\": [...], \"agency\"?, \"expiresInMinutes\"? }"]);
        }
        var errors = new List<string>();
        errors.AddRange(fields.Select(field => field.Key).Where(name => !Fields.Contains(name)).Select(name => $"{name}: not a field of a token request"));
        var subject = Text(fields, "sub", errors, required: true);
        var name = Text(fields, "name", errors, required: true);
        var agency = Text(fields, "agency", errors, required: false);
        if (agency is not null && !AgencyCode().IsMatch(agency))
        {
            errors.Add("agency: an agency code is letters, digits, '.', '_' and '-' (000.00.00.H26)");
        }
        var roles = RolesOf(fields, errors);
        var lifetime = LifetimeOf(fields, errors);
        return errors.Count > 0 ? (null, errors) : (new TokenRequest(subject!, name!, roles, agency, lifetime), []);
    }

    private static string? Text(JsonObject fields, string name, List<string> errors, bool required)
    {
        var node = fields[name];
        if (node is null)
        {
            if (required)
            {
                errors.Add($"{name}: required");
            }
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Trim().Length == 0)
        {
            errors.Add($"{name}: must be a non-empty string");
            return null;
        }
        return node.GetValue<string>().Trim();
    }

    private static IReadOnlyList<string> RolesOf(JsonObject fields, List<string> errors)
    {
        if (fields["roles"] is not JsonArray array || array.Count == 0)
        {
            errors.Add($"roles: required, an array of one or more of {string.Join(", ", KnownRoles)}");
            return [];
        }
        var roles = new List<string>();
        foreach (var item in array)
        {
            if (item?.GetValueKind() == JsonValueKind.String && KnownRoles.Contains(item.GetValue<string>()))
            {
                roles.Add(item.GetValue<string>());
            }
            else
            {
                errors.Add($"roles: {item?.ToJsonString() ?? "null"} is not a role; the roles are {string.Join(", ", KnownRoles)}");
            }
        }
        return [.. roles.Distinct(StringComparer.Ordinal)];
    }

    private static TimeSpan LifetimeOf(JsonObject fields, List<string> errors)
    {
        if (fields["expiresInMinutes"] is not { } node)
        {
            return DefaultLifetime;
        }
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var minutes) && minutes is >= 1 and <= MaxMinutes)
        {
            return TimeSpan.FromMinutes(minutes);
        }
        errors.Add($"expiresInMinutes: a whole number from 1 to {MaxMinutes}");
        return DefaultLifetime;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex AgencyCode();
}
