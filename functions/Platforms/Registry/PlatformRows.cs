using System.Globalization;
using Azure.Data.Tables;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary>Platform records as table rows, one typed column per field (the administrator and focal point flattened).</summary>
internal static class PlatformRows
{
    public static TableEntity From(PlatformRecord platform, string partition, string row) => TableRow.Of(partition, row, new Dictionary<string, object?>
    {
        ["Id"] = platform.Id,
        ["Name"] = platform.Name,
        ["AdministratorName"] = platform.Administrator.Name,
        ["AdministratorCountry"] = platform.Administrator.Country,
        ["FocalPointName"] = platform.Administrator.FocalPoint.Name,
        ["FocalPointEmail"] = platform.Administrator.FocalPoint.Email,
        ["FocalPointPhone"] = platform.Administrator.FocalPoint.Phone,
        ["FocalPointAddress"] = platform.Administrator.FocalPoint.Address,
        ["Website"] = platform.Website,
        ["Intermediary"] = platform.Intermediary,
        ["OperatingSince"] = platform.OperatingSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["RegisteredAt"] = platform.RegisteredAt,
        ["UpdatedAt"] = platform.UpdatedAt,
        ["Revision"] = platform.Revision,
    });

    public static PlatformRecord To(TableEntity row) => new(
        row.GetString("Id"),
        row.GetString("Name"),
        new Administrator(
            row.GetString("AdministratorName"),
            row.GetString("AdministratorCountry"),
            new FocalPoint(row.GetString("FocalPointName"), row.GetString("FocalPointEmail"), row.GetString("FocalPointPhone"), row.GetString("FocalPointAddress"))),
        row.GetString("Website"),
        row.GetBoolean("Intermediary") ?? false,
        DateOnly.ParseExact(row.GetString("OperatingSince"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        row.GetDateTimeOffset("RegisteredAt") ?? default,
        row.GetDateTimeOffset("UpdatedAt") ?? default,
        row.GetInt32("Revision") ?? 0);
}
