namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>How the local OCR runs. The defaults suit the app; tests change them.</summary>
public sealed record TesseractOptions
{
    /// <summary>Single-threaded tesseract processes at once: one a core.</summary>
    public int Concurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Most pages one process reads; a document is shared out evenly over the processes up to this.</summary>
    public int MaxPagesPerProcess { get; init; } = 16;

    /// <summary>Folder of the traineddata files; unset: tesseract's own (Debian: /usr/share/tesseract-ocr/5/tessdata).</summary>
    public string? TessdataDir { get; init; }

    /// <summary>How long a page may take, to render or to read, before the run is stopped as a transient failure.</summary>
    public TimeSpan TimePerPage { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Where each document gets a folder of its own for its page images, removed when it is done.</summary>
    public string TemporaryFolder { get; init; } = Path.GetTempPath();

    public CommandLineTool Tesseract { get; init; } = new("tesseract", "tesseract-ocr and its language models, e.g. tesseract-ocr-vie (Debian)");

    public CommandLineTool Pdftoppm { get; init; } = new("pdftoppm", "poppler-utils (Debian)");
}
