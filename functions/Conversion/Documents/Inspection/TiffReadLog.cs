using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// The bytes of a TIFF being inspected, as the stream LibTiff reads, and the errors it reports on them.
/// LibTiff reports problems through one process-wide handler rather than exceptions, passing the stream's
/// client data along: <see cref="Recorder"/> keeps those that belong to an inspection on its stream, and
/// hands every other message to the handler that was there before (another part of the app decoding TIFFs).
/// </summary>
internal sealed class TiffReadLog(byte[] buffer, int index, int count) : MemoryStream(buffer, index, count, writable: false)
{
    private static readonly Lazy<Recorder> Installed = new(() =>
    {
        var recorder = new Recorder();
        recorder.Previous = Tiff.SetErrorHandler(recorder);
        return recorder;
    });

    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The stream over the scan's bytes, with the recorder installed before LibTiff first reads.</summary>
    public static TiffReadLog Over(ReadOnlyMemory<byte> bytes)
    {
        _ = Installed.Value;
        var array = ScanBytes.Array(bytes);
        return new TiffReadLog(array, 0, array.Length);
    }

    private sealed class Recorder : TiffErrorHandler
    {
        public TiffErrorHandler? Previous { get; set; }

        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
            if (tif?.Clientdata() is not TiffReadLog)
            {
                Previous?.ErrorHandler(tif, method, format, args);
            }
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (clientData is TiffReadLog log)
            {
                log._errors.Add(string.Format(CultureInfo.InvariantCulture, format, args));
            }
            else
            {
                Previous?.ErrorHandlerExt(tif, clientData, method, format, args);
            }
        }

        // Warnings on an inspection's bytes (unknown tags and the like) do not make a scan unreadable.
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
            if (tif?.Clientdata() is not TiffReadLog)
            {
                Previous?.WarningHandler(tif, method, format, args);
            }
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (clientData is not TiffReadLog)
            {
                Previous?.WarningHandlerExt(tif, clientData, method, format, args);
            }
        }
    }
}
