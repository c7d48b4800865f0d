using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Etransactions.Functions.Conversion.Documents.Pdf;

/// <summary>
/// The XMP metadata of a finished PDF, written by the app: PDFsharp 6.2.4 writes its own packet on every save
/// (from the document information, not XML-escaped) and offers no way to give it another. So the packet is
/// replaced in the saved file: the metadata stream (left uncompressed, as PDF/A asks) gets the new packet and
/// its /Length, and every cross-reference offset after it moves by the difference. Only PDFsharp's own output
/// is handled (one classic cross-reference table); anything else is refused rather than written wrong.
/// </summary>
public static partial class XmpPacket
{
    public const string RegisterNamespace = "urn:etransactions:register:1";

    /// <summary>A packet with Dublin Core title and creator, the XMP dates and tool, and the app's fields under <see cref="RegisterNamespace"/>.</summary>
    public static string Build(string title, string creator, DateTimeOffset created, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(text, settings))
        {
            const string X = "adobe:ns:meta/", Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", Dc = "http://purl.org/dc/elements/1.1/", Xmp = "http://ns.adobe.com/xap/1.0/";
            xml.WriteStartElement("x", "xmpmeta", X);
            xml.WriteStartElement("rdf", "RDF", Rdf);
            xml.WriteStartElement("rdf", "Description", Rdf);
            xml.WriteAttributeString("rdf", "about", Rdf, "");
            xml.WriteAttributeString("xmlns", "dc", null, Dc);
            xml.WriteAttributeString("xmlns", "xmp", null, Xmp);
            xml.WriteAttributeString("xmlns", "etx", null, RegisterNamespace);
            xml.WriteStartElement("dc", "title", Dc);
            xml.WriteStartElement("rdf", "Alt", Rdf);
            xml.WriteStartElement("rdf", "li", Rdf);
            xml.WriteAttributeString("xml", "lang", null, "x-default");
            xml.WriteString(title);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("dc", "creator", Dc);
            xml.WriteStartElement("rdf", "Seq", Rdf);
            xml.WriteElementString("rdf", "li", Rdf, creator);
            xml.WriteEndElement();
            xml.WriteEndElement();
            var date = created.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            xml.WriteElementString("xmp", "CreateDate", Xmp, date);
            xml.WriteElementString("xmp", "ModifyDate", Xmp, date);
            xml.WriteElementString("xmp", "MetadataDate", Xmp, date);
            xml.WriteElementString("xmp", "CreatorTool", Xmp, DocumentInfo.Application);
            foreach (var (name, value) in fields)
            {
                xml.WriteElementString("etx", name, RegisterNamespace, value);
            }
            xml.WriteEndDocument();
        }
        return $"<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n{text}\n<?xpacket end=\"r\"?>";
    }

    /// <summary>The PDF with its metadata stream's packet replaced by <paramref name="packet"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is not laid out as PDFsharp writes it.</exception>
    public static byte[] Replace(byte[] pdf, string packet)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        // Reopening a saved file leaves its earlier packet behind, unreferenced: the catalog's is the one.
        var reference = CatalogMetadata().Match(text);
        var metadata = reference.Success
            ? MetadataStream().Matches(text).FirstOrDefault(match => match.Groups["number"].Value == reference.Groups["number"].Value)
            : null;
        if (metadata is null)
        {
            throw new InvalidOperationException("The PDF's catalog names no uncompressed XMP metadata stream to replace.");
        }
        var oldLength = int.Parse(metadata.Groups["length"].Value, CultureInfo.InvariantCulture);
        var dataStart = metadata.Index + metadata.Length;
        var newData = Encoding.UTF8.GetBytes(packet);
        var lengthGroup = metadata.Groups["length"];
        var newLengthText = newData.Length.ToString(CultureInfo.InvariantCulture);
        var delta = newLengthText.Length - lengthGroup.Length + newData.Length - oldLength;

        var xrefAt = text.LastIndexOf("\nxref", StringComparison.Ordinal) + 1;
        var startXref = StartXref().Match(text, xrefAt);
        if (xrefAt <= dataStart || !startXref.Success || text.IndexOf("/Prev", xrefAt, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException("The PDF's cross-reference table is not the single classic table PDFsharp writes.");
        }
        var table = new StringBuilder(text[xrefAt..startXref.Index]);
        var fixedTable = Entry().Replace(table.ToString(), entry =>
        {
            var offset = long.Parse(entry.Groups["offset"].Value, CultureInfo.InvariantCulture);
            var moved = entry.Groups["kind"].Value == "n" && offset > metadata.Index ? offset + delta : offset;
            return string.Create(CultureInfo.InvariantCulture, $"{moved:D10} {entry.Groups["generation"].Value} {entry.Groups["kind"].Value}");
        });

        using var output = new MemoryStream(pdf.Length + delta + 16);
        output.Write(pdf, 0, lengthGroup.Index);
        output.Write(Encoding.ASCII.GetBytes(newLengthText));
        output.Write(pdf, lengthGroup.Index + lengthGroup.Length, dataStart - (lengthGroup.Index + lengthGroup.Length));
        output.Write(newData);
        output.Write(pdf, dataStart + oldLength, xrefAt - (dataStart + oldLength));
        output.Write(Encoding.Latin1.GetBytes(fixedTable));
        var xrefOffset = long.Parse(startXref.Groups["offset"].Value, CultureInfo.InvariantCulture) + delta;
        output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"startxref\n{xrefOffset}\n%%EOF\n")));
        return output.ToArray();
    }

    [GeneratedRegex(@"/Type\s*/Catalog[^>]*?/Metadata\s+(?<number>\d+)\s+0\s+R")]
    private static partial Regex CatalogMetadata();

    // PDFsharp writes "n 0 obj\n<</Type/Metadata/Subtype/XML/Length L>>\nstream\n".
    [GeneratedRegex(@"(?<=\n)(?<number>\d+) 0 obj\s*<<\s*/Type\s*/Metadata\s*/Subtype\s*/XML\s*/Length\s+(?<length>\d+)\s*>>\s*stream\r?\n")]
    private static partial Regex MetadataStream();

    [GeneratedRegex(@"startxref\s+(?<offset>\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(?<offset>\d{10}) (?<generation>\d{5}) (?<kind>[nf])")]
    private static partial Regex Entry();
}
