namespace Etransactions.Functions.Conversion.Documents.Inspection;

/// <summary>Finds where a PDF dictionary written as text closes, for the trailer check.</summary>
internal static class PdfDictionaryText
{
    /// <summary>The index just past the <c>&gt;&gt;</c> closing the dictionary that opens at <paramref name="start"/>, skipping strings inside it.</summary>
    public static int End(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
            {
                i = LiteralStringEnd(text, i);
            }
            else if (c == '<' && i + 1 < text.Length && text[i + 1] == '<')
            {
                depth++;
                i++;
            }
            else if (c == '<')
            {
                // A hex string.
                i = text.IndexOf('>', i);
                if (i < 0)
                {
                    break;
                }
            }
            else if (c == '>' && i + 1 < text.Length && text[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
        }
        throw PdfTrailer.Corrupt("PDF trailer dictionary is not closed");
    }

    /// <summary>The index of the parenthesis closing the literal string opening at <paramref name="open"/> (balanced, backslash escapes).</summary>
    private static int LiteralStringEnd(string text, int open)
    {
        var nested = 1;
        var i = open + 1;
        for (; i < text.Length && nested > 0; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '(')
            {
                nested++;
            }
            else if (text[i] == ')')
            {
                nested--;
            }
        }
        return i - 1;
    }
}
