using System.Globalization;

namespace Faithful.Reports.Sanitising;

/// <summary>
/// Characters that act instead of showing: C0 and C1 controls, DEL, and the bidirectional overrides that reorder what
/// a reader sees. Model text is shown with them spelled out (<c>\x1B</c>, <c>\u202E</c>), so the evidence survives
/// but the effect does not.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Whether <paramref name="c"/> is a control or bidi character (tab and line feed are not: every format shows them).</summary>
    public static bool IsUnsafe(char c) =>
        c is not ('\n' or '\t') && (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C');

    /// <summary>The visible spelling of an unsafe character.</summary>
    public static string Spell(char c) => c <= '\u00FF'
        ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}")
        : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");

    /// <summary>
    /// <paramref name="text"/> with unsafe characters spelled out and lone surrogates (which no encoder can write) as U+FFFD;
    /// <paramref name="keepLineBreaks"/> keeps LF (and tab) as they are.
    /// </summary>
    public static string Spelled(string text, bool keepLineBreaks = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsWork(text, keepLineBreaks))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (IsUnsafe(c) || (!keepLineBreaks && c is '\n' or '\t'))
            {
                builder.Append(Spell(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsWork(string text, bool keepLineBreaks)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c) || char.IsSurrogate(c) || (!keepLineBreaks && c is '\n' or '\t'))
            {
                return true;
            }
        }

        return false;
    }
}
