namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>What a declared resolution is counted per; <see cref="None"/> gives only an aspect ratio.</summary>
internal enum ResolutionUnit
{
    None,
    Inch,
    Centimetre,
    Metre,
}
