using System.Text.Json.Nodes;
using Etransactions.Functions.Conversion.Messages;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary>A paper copy's record as the API shows it; <c>siteBase</c> is the absolute site root, for the links.</summary>
public static class PaperCopyViews
{
    public static JsonObject Of(PaperCopyRecord copy, string siteBase)
    {
        var code = LookupCode.Parse(copy.Code).Display;
        var self = $"{siteBase}/api/data-messages/{code}/paper-copies/{copy.CopyId}";
        var number = copy.Number ?? "";
        return new JsonObject
        {
            ["copyId"] = copy.CopyId,
            ["number"] = number,
            ["lookupCode"] = code,
            ["agency"] = copy.AgencyCode,
            ["state"] = copy.State,
            ["issuedAt"] = new JsonObject { ["utc"] = IsoTime.Format(copy.IssuedAt), ["local"] = VietnamTime.Format(copy.IssuedAt) },
            ["converter"] = copy.Converter,
            ["purpose"] = copy.Purpose,
            ["pdf"] = new JsonObject { ["sha256"] = copy.Sha256, ["bytes"] = copy.Bytes, ["pages"] = copy.Pages, ["pageSize"] = "A4" },
            ["links"] = new JsonObject
            {
                ["pdf"] = $"{self}/pdf",
                ["register"] = $"{siteBase}/api/register/{number}",
                ["verify"] = $"{siteBase}/verify/{code}",
            },
        };
    }
}
