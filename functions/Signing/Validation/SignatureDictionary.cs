namespace Etransactions.Functions.Signing.Validation;

/// <summary>The entries of one signature dictionary that validation needs, as found in the PDF.</summary>
/// <param name="Field">The name of the field whose value it is, or null when no field was found for it.</param>
/// <param name="SubFilter">Without its slash, or null when absent.</param>
/// <param name="ByteRange">The four integers of /ByteRange, or null when absent or not four integers.</param>
/// <param name="SigningTime">The text of /M (a PDF date), or null when absent.</param>
internal sealed record SignatureDictionary(string? Field, string? SubFilter, IReadOnlyList<long>? ByteRange, string? SigningTime)
{
    /// <summary>Where its /Contents starts in the file: signatures are reported in this order, unreadable ones last.</summary>
    public long Position => ByteRange is [var start, var length, _, _] ? start + length : long.MaxValue;
}
