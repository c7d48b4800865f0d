using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>
/// The bytes of a TIFF being inspected, as the stream LibTiff reads, and the errors it reports on them.
/// LibTiff reports problems through one process-wide handler rather than exceptions, passing the stream's
/// client data along: <see cref="Recorder"/>, the app's one handler, keeps those that belong to an inspection
/// on its stream and drops the rest (the app's other TIFF readers see failures as results, and LibTiff would
/// otherwise write them to the console). Every part of the app that opens a TIFF calls <see cref="InstallHandler"/>.
/// </summary>
internal sealed class TiffReadLog(byte[] buffer, int index, int count) : MemoryStream(buffer, index, count, writable: false)
{
    private static readonly Lazy<Recorder> Installed = new(() =>
    {
        var recorder = new Recorder();
        Tiff.SetErrorHandler(recorder);
        return recorder;
    });

    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The stream over the scan's bytes, with the recorder installed before LibTiff first reads.</summary>
    public static TiffReadLog Over(ReadOnlyMemory<byte> bytes)
    {
        InstallHandler();
        var array = ScanBytes.Array(bytes);
        return new TiffReadLog(array, 0, array.Length);
    }

    /// <summary>Installs the app's LibTiff handler, once; before any TIFF is opened.</summary>
    public static void InstallHandler() => _ = Installed.Value;

    private sealed class Recorder : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (clientData is TiffReadLog log)
            {
                log._errors.Add(string.Format(CultureInfo.InvariantCulture, format, args));
            }
        }

        // Warnings (unknown tags and the like) do not make a scan unreadable.
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
