using System.Collections;
using System.Text;
using QRCoder;
using QRCoder.Exceptions;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>The dark and light modules of the QR code of a payload, quiet zone included, error correction M.</summary>
internal static class QrModules
{
    public static IReadOnlyList<BitArray> Of(string payload)
    {
        try
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
            return data.ModuleMatrix;
        }
        catch (DataTooLongException)
        {
            throw Rejections.Scan("symbol-block", $"a QR code cannot hold {Encoding.UTF8.GetByteCount(payload)} bytes");
        }
    }
}
