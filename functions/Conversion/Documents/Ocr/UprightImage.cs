using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace Etransactions.Functions.Conversion.Documents.Ocr;

/// <summary>
/// A photo as it is displayed. A phone stores a JPEG as its sensor saw it and says in EXIF how to turn it
/// (orientation 2-8); the OCR engines are given the turned image, so words are found upright and their
/// boxes are in the frame of the page as displayed.
/// </summary>
public static class UprightImage
{
    /// <summary>Decodes an image and turns it by its EXIF orientation (then marked 1, upright).</summary>
    public static Image Load(ReadOnlySpan<byte> image)
    {
        Image decoded;
        try
        {
            decoded = Image.Load(image);
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException)
        {
            throw Rejections.Scan("corrupt", "the image cannot be decoded");
        }

        decoded.Mutate(turn => turn.AutoOrient());
        return decoded;
    }
}
