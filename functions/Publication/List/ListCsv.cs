using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Etransactions.Functions.Core.Storage;

namespace Etransactions.Functions.Publication.List;

/// <summary>
/// The list as CSV: RFC 4180 (fields quoted when they need it, CRLF line ends), UTF-8 with a byte-order
/// mark so that Excel reads the Vietnamese names as they are; a header row of bilingual column names.
/// </summary>
public static class ListCsv
{
    private static readonly string[] Header =
    [
        "Nền tảng / Platform", "Mã / Id", "Tổ chức quản lý / Administrator", "Quốc gia / Country", "Website",
        "Quy mô / Scale", "Người dùng trung bình tháng / Average monthly active users", "Tỷ lệ dân số (%) / Share of population (%)",
        "Dân số năm / Population year", "Phiên bản số liệu dân số / Population figure version", "Dân số / Population", "Nguồn / Source",
        "Kỳ / Cycle", "Ngày xác định / Determined on",
    ];

    public static byte[] Write(IReadOnlyList<ListedPlatform> platforms)
    {
        using var output = new MemoryStream();
        using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }
            csv.NextRecord();
            foreach (var platform in platforms)
            {
                csv.WriteField(platform.Name);
                csv.WriteField(platform.PlatformId);
                csv.WriteField(platform.Administrator);
                csv.WriteField(platform.AdministratorCountry);
                csv.WriteField(platform.Website);
                csv.WriteField(EnumColumn.Of(platform.Scale));
                csv.WriteField(platform.AverageMonthlyActiveUsers.ToString("0.##", CultureInfo.InvariantCulture));
                csv.WriteField(platform.SharePercent.ToString("0.####", CultureInfo.InvariantCulture));
                csv.WriteField(platform.PopulationYear);
                csv.WriteField(platform.PopulationVersion);
                csv.WriteField(platform.PopulationValue);
                csv.WriteField(platform.PopulationSource);
                csv.WriteField(platform.Cycle);
                csv.WriteField(platform.DeterminedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        return output.ToArray();
    }
}
