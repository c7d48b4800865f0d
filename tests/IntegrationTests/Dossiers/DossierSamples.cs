using System.Text;
using System.Text.Json.Nodes;

namespace Etransactions.IntegrationTests.Dossiers;

/// <summary>Bodies of the dossier API: a submission of the sample procedure, a one-page PDF, a PNG.</summary>
public static class DossierSamples
{
    /// <summary>A one-page PDF, its cross-reference table right.</summary>
    public static byte[] Pdf { get; } = OnePagePdf();

    public static string PdfBase64 { get; } = Convert.ToBase64String(Pdf);

    /// <summary>The eight bytes of a PNG's signature and a little more: an image, not a PDF.</summary>
    public static string PngBase64 { get; } = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

    public static JsonObject Submission(string procedure = DossiersApp.Procedure, string? identityFile = null, string? identityContent = null) => new()
    {
        ["procedure"] = procedure,
        ["applicant"] = new JsonObject { ["name"] = "Nguyễn Văn An", ["idNumber"] = "001203004567", ["email"] = "an@example.vn", ["phone"] = "0912 345 678" },
        ["form"] = new JsonObject { ["purpose"] = "Bổ sung hồ sơ xin việc", ["copies"] = 1 },
        ["components"] = new JsonArray(
            Component("application-form", "to-khai.pdf", PdfBase64),
            Component("identity-document", identityFile ?? "cccd.pdf", identityContent ?? PdfBase64)),
    };

    public static JsonObject Component(string id, string fileName, string base64) => new() { ["id"] = id, ["fileName"] = fileName, ["contentBase64"] = base64 };

    private static byte[] OnePagePdf()
    {
        string[] objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
