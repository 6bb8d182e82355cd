using System.Text;
using System.Xml;

namespace Faithful.Reports.Sanitising;

/// <summary>
/// Model text in JUnit XML: characters XML 1.0 cannot carry even escaped (most controls, lone surrogates, U+FFFE/F)
/// are dropped; the XML writer escapes the rest (<c>&lt;</c>, <c>&amp;</c>, <c>]]&gt;</c> in text).
/// </summary>
public static class XmlText
{
    public static string Clean(string? text)
    {
        text ??= "";
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c) && (c >= 0x20 || c is '\n' or '\t') && !ControlCharacters.IsUnsafe(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
