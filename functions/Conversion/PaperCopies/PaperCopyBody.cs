using Etransactions.Functions.Core.Http;

namespace Etransactions.Functions.Conversion.PaperCopies;

/// <summary>The body of <c>POST /api/data-messages/{code}/paper-copies</c>.</summary>
/// <param name="Converter">The full name of who converts (Art. 5.2.a), printed on every page.</param>
/// <param name="Purpose">Why the copy is made (kept in its record, never printed).</param>
public sealed record PaperCopyBody([Text(300)] string Converter, [Text(500)] string Purpose);
