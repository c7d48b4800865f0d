using System.Text.Json.Nodes;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Register;

/// <summary>An entry as the register API shows it. <c>siteBase</c> is the absolute URL of the site root, for the links.</summary>
public static class RegisterViews
{
    public static JsonObject Of(RegisterEntry entry, string siteBase)
    {
        var view = new JsonObject
        {
            ["number"] = entry.Number.ToString(),
            ["agency"] = entry.Number.AgencyCode,
            ["year"] = entry.Number.Year,
            ["sequence"] = entry.Number.Sequence,
            ["direction"] = entry.Direction,
            ["status"] = entry.Status,
            ["convertedAt"] = new JsonObject { ["utc"] = IsoTime.Format(entry.ConvertedAt), ["local"] = VietnamTime.Format(entry.ConvertedAt) },
            ["converter"] = entry.Converter,
            ["lookupCode"] = entry.LookupCode,
            ["input"] = new JsonObject { ["sha256"] = entry.InputSha256, ["pages"] = entry.InputPages },
            ["output"] = entry.OutputSha256 is null ? null : new JsonObject { ["sha256"] = entry.OutputSha256, ["pages"] = entry.OutputPages },
        };
        if (entry.CopyId is { } copy)
        {
            view["paperCopy"] = copy;
        }
        if (entry.VoidReason is { } reason)
        {
            view["voidReason"] = reason;
        }
        view["links"] = new JsonObject
        {
            ["self"] = $"{siteBase}/api/register/{entry.Number.AgencyCode}/{entry.Number.Year}/{entry.Number.Sequence}",
            ["dataMessage"] = $"{siteBase}/api/data-messages/{entry.LookupCode}",
            ["verify"] = $"{siteBase}/verify/{entry.LookupCode}",
        };
        return view;
    }
}
