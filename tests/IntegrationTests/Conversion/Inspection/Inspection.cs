using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Inspection;

namespace Etransactions.IntegrationTests.Conversion.Inspection;

/// <summary>What the inspection tests share: the limits of the first version's tests, and the rejection a scan gets.</summary>
internal static class Inspection
{
    public static ScanLimits Limits { get; } = new(20 * 1024 * 1024, 10, 50_000_000);

    public static InspectedScan Inspect(byte[] bytes, string extension, ScanLimits? limits = null) =>
        new ScanInspector().Inspect(bytes, extension, limits ?? Limits);

    /// <summary>The rejection of the scan, checked to carry its code and a reason in both languages.</summary>
    public static ScanRejectedException Rejected(byte[] bytes, string extension, string code, ScanLimits? limits = null)
    {
        var error = Assert.Throws<ScanRejectedException>(() => Inspect(bytes, extension, limits));
        Assert.Equal(code, error.Code);
        Assert.True(error.ReasonVi.Length > 10, error.ReasonVi);
        Assert.True(error.ReasonEn.Length > 10, error.ReasonEn);
        return error;
    }

    public static string Latin1(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    public static byte[] Latin1(string text) => System.Text.Encoding.Latin1.GetBytes(text);
}
