using System.Text;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Turns one reply line into plain arithmetic text: drops markdown emphasis and code marks, unwraps LaTeX
/// (<c>\(s_3 = 42\)</c>, <c>$s_3=42$</c>, <c>\text{}</c>, <c>\times</c>), and maps unicode minus, arrows and
/// operators to ASCII. One pass per rule, linear in the line length.
/// </summary>
internal static class LineNormalizer
{
    private static readonly (string From, string To)[] LatexCommands =
    [
        ("\\frac{", "("),
        ("\\dfrac{", "("),
        ("\\tfrac{", "("),
        ("\\rightarrow", " -> "),
        ("\\Rightarrow", " -> "),
        ("\\implies", " -> "),
        ("\\mapsto", " -> "),
        ("\\longrightarrow", " -> "),
        ("\\to", " -> "),
        ("\\coloneqq", " = "),
        ("\\gets", " = "),
        ("\\leftarrow", " = "),
        ("\\times", " * "),
        ("\\cdot", " * "),
        ("\\div", " / "),
        ("\\bmod", " % "),
        ("\\mod", " % "),
        ("\\oplus", " ^ "),
        ("\\land", " & "),
        ("\\lor", " | "),
        ("\\ll", " << "),
        ("\\gg", " >> "),
        ("\\left", ""),
        ("\\right", ""),
        ("\\quad", " "),
        ("\\qquad", " "),
        ("\\text", ""),
        ("\\textbf", ""),
        ("\\mathrm", ""),
        ("\\mathbf", ""),
        ("\\operatorname", ""),
        ("\\displaystyle", ""),
        ("\\&", "&"),
        ("\\%", "%"),
        ("\\{", "("),
        ("\\}", ")"),
        ("\\(", " "),
        ("\\)", " "),
        ("\\[", " "),
        ("\\]", " "),
        ("\\,", "\u2009"),
        ("\\;", " "),
        ("\\:", " "),
        ("\\!", ""),
        ("\\ ", " "),
    ];

    // Every character the rules below rewrite or drop; a line with none of them (and no "__") is already plain. A single
    // '_' is kept (n_0 is on nearly every line of a loop reply), so it is no reason to rebuild the line.
    private const string RewrittenCharacters =
        "\\\u2212\uFE63\uFF0D\u2010\u2011\u2013\u2014\u00D7\u22C5\u2219\u2217\u00B7\u00F7\u2215\u2192\u27F6\u21D2\u27F9\u21A6\u2794\u279C\u27A1"
        + "\u2254\uFF1D\uFF1A\u00A0\u2007\u2009\u202F\u2002\u2003\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\t"
        + "\u2713\u2714\u2705\u274C\u2717\u2718}`${*\"";

    private static readonly System.Buffers.SearchValues<char> Rewritten = System.Buffers.SearchValues.Create(RewrittenCharacters);

    /// <summary>What the rebuilding loop stops at: the rewritten characters, and '_' for "__".</summary>
    internal const string HandledCharacters = RewrittenCharacters + "_";

    private static readonly System.Buffers.SearchValues<char> Handled = System.Buffers.SearchValues.Create(HandledCharacters);

    // The ASCII characters of Handled, as a table: a markdown line stops at a character every few (stars, code marks,
    // an arrow), where a search call per stop costs more than looking at each character.
    private static readonly bool[] AsciiHandled = Enumerable.Range(0, 128).Select(c => Handled.Contains((char)c)).ToArray();

    /// <summary>The offset from <paramref name="from"/> of the next character a rule may touch, or -1: IndexOfAny(Handled) on the rest.</summary>
    internal static int NextHandled(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128 ? AsciiHandled[c] : Handled.Contains(c))
            {
                return i - from;
            }
        }

        return -1;
    }

    public static string Normalize(string line)
    {
        if (!line.AsSpan().ContainsAny(Rewritten) && !line.Contains("__", StringComparison.Ordinal))
        {
            return line;
        }

        if (!Changes(line))
        {
            // "s6 = s5 + s4 * 6": every '*' is kept and no other rule applies (a backslash always starts a rewrite), so
            // the line is its own normal form.
            return line;
        }

        return Rebuild(line);
    }

    /// <summary>The line rebuilt by every rule, without first asking whether any applies (tests hold the shortcut to this).</summary>
    internal static string Rebuild(string line)
    {
        var text = line;
        if (text.Contains('\\', StringComparison.Ordinal))
        {
            text = ReplaceLatex(text);
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // The text up to the next character a rule may touch is copied as it is, in one piece.
            var plain = NextHandled(text, i);
            if (plain < 0)
            {
                builder.Append(text.AsSpan(i));
                break;
            }

            builder.Append(text.AsSpan(i, plain));
            i += plain;
            var c = text[i];
            switch (c)
            {
                case '\u2212' or '\uFE63' or '\uFF0D' or '\u2010' or '\u2011':
                    builder.Append('-');
                    break;
                case '\u2013' or '\u2014':
                    // En and em dashes are minus signs before a digit, separators otherwise.
                    builder.Append(i + 1 < text.Length && NumberReader.IsDigit(text[i + 1]) ? "-" : " - ");
                    break;
                case '\u00D7' or '\u22C5' or '\u2219' or '\u2217':
                    builder.Append(" * ");
                    break;
                case '\u00B7':
                    builder.Append(" * ");
                    break;
                case '\u00F7' or '\u2215':
                    builder.Append(" / ");
                    break;
                case '\u2192' or '\u27F6' or '\u21D2' or '\u27F9' or '\u21A6' or '\u2794' or '\u279C' or '\u27A1':
                    builder.Append(" -> ");
                    break;
                case '\u2254' or '\uFF1D':
                    builder.Append(" = ");
                    break;
                case '\uFF1A':
                    builder.Append(':');
                    break;
                case '\u00A0' or '\u2007' or '\u2009' or '\u202F' or '\u2002' or '\u2003':
                    builder.Append('\u2009');
                    break;
                case >= '\u2080' and <= '\u2089':
                    // Unicode subscripts: s₃ is s3.
                    builder.Append((char)('0' + (c - '\u2080')));
                    break;
                case '\t':
                    builder.Append(' ');
                    break;
                case '\u2713' or '\u2714' or '\u2705' or '\u274C' or '\u2717' or '\u2718':
                    builder.Append(' ');
                    break;
                case '}' when i + 1 < text.Length && text[i + 1] == '{':
                    // The middle of \frac{a}{b}.
                    builder.Append(") / (");
                    i++;
                    break;
                case '`':
                    // "print`-1023`as": a code mark separates what it quotes.
                    builder.Append(' ');
                    break;
                case '"' when QuotesAWord(text, i):
                    // 'initializes "n_0" to -1': a quoted name is the name, as a code-marked one is.
                    builder.Append(' ');
                    break;
                case '$' or '{' or '}':
                    break;
                case '*' when IsPower(text, i):
                    // "(-2)**n", "2**10": a power, not bold markup (dropped, "(-2)**n" read as -2 beside an n).
                    builder.Append('^');
                    i++;
                    break;
                case '*':
                    AppendStar(text, i, builder);
                    break;
                case '_' when i + 1 < text.Length && text[i + 1] == '_':
                    i++;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    // Whether some rule would rewrite or drop a character of the line: the characters it stops at are rewritten, except
    // a '*' that is kept (StarKept) and a single '_'. A backslash is one of them, so a line with LaTeX always changes.
    private static bool Changes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var next = NextHandled(text, i);
            if (next < 0)
            {
                return false;
            }

            i += next;
            var kept = text[i] switch
            {
                '*' => StarKept(text, i),
                '_' => i + 1 >= text.Length || text[i + 1] != '_',
                '"' => !QuotesAWord(text, i),
                _ => false,
            };

            if (!kept)
            {
                return true;
            }
        }

        return false;
    }

    // A double quote against a word or number on one side only: it opens or closes a quoted word.
    private static bool QuotesAWord(string text, int i)
    {
        var before = i > 0 && TokenText.IsWordChar(text[i - 1]);
        var after = i + 1 < text.Length && TokenText.IsWordChar(text[i + 1]);
        return before != after;
    }

    private static bool IsPower(string text, int i) =>
        i > 0 && i + 2 < text.Length && text[i + 1] == '*' && (NumberReader.IsDigit(text[i - 1]) || text[i - 1] == ')')
        && (char.IsLetterOrDigit(text[i + 2]) || text[i + 2] is '(' or '-');

    private static void AppendStar(string text, int i, StringBuilder builder)
    {
        if (StarKept(text, i))
        {
            builder.Append('*');
        }
    }

    private static bool StarKept(string text, int i)
    {
        // "**bold**" and "*emphasis*" are markup; "a * b", "a*b" and "2 ** 3" between operands are arithmetic.
        if (i + 1 < text.Length && text[i + 1] == '*')
        {
            return false;
        }

        if (i > 0 && text[i - 1] == '*')
        {
            return false;
        }

        var before = i > 0 ? text[i - 1] : ' ';
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        if (after == '=' && (char.IsLetterOrDigit(before) || before is ' ' or '_' or ')'))
        {
            // "n_0*=-1": a compound assignment, not emphasis.
            return true;
        }

        var operandBefore = char.IsLetterOrDigit(before) || before == ')';
        var operandAfter = char.IsLetterOrDigit(after) || after is '(' or '-';
        var spaceBefore = char.IsWhiteSpace(before);
        var spaceAfter = char.IsWhiteSpace(after);
        return (operandBefore && operandAfter) || (spaceBefore && spaceAfter);
    }

    private static string ReplaceLatex(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '\\')
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var replaced = false;
            foreach (var (from, to) in LatexCommands)
            {
                if (string.CompareOrdinal(text, i, from, 0, from.Length) != 0)
                {
                    continue;
                }

                // "\to" must not eat "\top"; commands end at a non-letter.
                var end = i + from.Length;
                if (char.IsLetter(from[^1]) && end < text.Length && char.IsLetter(text[end]))
                {
                    continue;
                }

                builder.Append(to);
                i = end;
                replaced = true;
                break;
            }

            if (!replaced)
            {
                // Unknown commands (\frac, \boxed after answer reading) are dropped; their arguments stay.
                i++;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }
            }
        }

        return builder.ToString();
    }
}
