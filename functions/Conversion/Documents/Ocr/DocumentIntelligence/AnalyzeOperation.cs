namespace Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;

// The parts of the REST API's answers (version 2024-11-30) this engine reads. Unknown members are ignored:
// the service adds fields over time.

/// <summary>A poll of an analysis: <c>notStarted</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>canceled</c>.</summary>
public sealed record AnalyzeOperation(string Status, ServiceError? Error = null, AnalyzeResult? AnalyzeResult = null);

/// <summary>The body of an error answer: <c>{"error": {...}}</c>.</summary>
public sealed record ErrorResponse(ServiceError? Error);

public sealed record ServiceError(string? Code, string? Message, ServiceError? Innererror = null);

public sealed record AnalyzeResult(IReadOnlyList<AnalyzedPage>? Pages);

/// <param name="PageNumber">1-based, of the whole document (also when <c>pages</c> restricted the analysis).</param>
/// <param name="Unit"><c>inch</c> for PDF and TIFF, <c>pixel</c> for images.</param>
public sealed record AnalyzedPage(
    int PageNumber,
    double Width,
    double Height,
    string? Unit,
    IReadOnlyList<AnalyzedWord>? Words,
    IReadOnlyList<AnalyzedLine>? Lines);

/// <param name="Polygon">The word's corners, x y pairs in the page's unit, clockwise from its top left.</param>
public sealed record AnalyzedWord(string Content, IReadOnlyList<double>? Polygon, double Confidence, TextSpan Span);

public sealed record AnalyzedLine(string Content, IReadOnlyList<TextSpan>? Spans);

/// <summary>Where a word or line sits in the result's <c>content</c>.</summary>
public sealed record TextSpan(int Offset, int Length);
