namespace Faithful.Traces.Parsing;

/// <summary>
/// Answers that illustrate rather than answer: a tag introduced as an example ("Example: &lt;result&gt;12&lt;/result&gt;",
/// "For example:" above), a format sample ("You can use this format ...:" above), a tag in the paragraph under an
/// example heading, or one in a list of options to choose from ("Possible Answers").
/// </summary>
internal static class Examples
{
    // How far up a tag looks for the heading of its option list (lists of 180 options occur), and for an example heading
    // in its paragraph: the walks stay short on long replies.
    private const int OptionsReach = 400;
    private const int ParagraphReach = 40;

    /// <summary>
    /// Whether an answer, after <paramref name="before"/> on its line, is introduced as an example there or by the line
    /// above (<paramref name="previous"/>, trimmed; empty on the first line), unless that line held its own answer
    /// (<paramref name="previousAnswered"/>: "Example: &lt;result&gt;-1&lt;/result&gt;" introduced that one).
    /// </summary>
    public static bool IntroducedOnLineOrAbove(string before, string previous, bool previousAnswered, AskedInput? asked = null)
    {
        if (before.Contains("example", StringComparison.OrdinalIgnoreCase) || before.Contains("e.g.", StringComparison.OrdinalIgnoreCase))
        {
            // "For example, for n=3 the result is 3": an example of the very run asked about answers it.
            return !NamesRunAsked(before, asked) || DefinesAnotherFunction(before);
        }

        if (NamesRunAsked(previous, asked) && !DefinesAnotherFunction(previous))
        {
            return false;
        }

        // "Example:" just above, or a longer line that opens with "For example" and introduces what follows with ':';
        // or "You can use this format to give the solution:", a format sample written as if to another reader.
        return !previousAnswered && ((previous.Contains("example", StringComparison.OrdinalIgnoreCase)
            && (previous.Length <= 40 || (IntroducesExample(previous) && previous.EndsWith(':'))))
            || (previous.EndsWith(':') && (previous.Contains("use this format", StringComparison.OrdinalIgnoreCase)
                || previous.Contains("use the following format", StringComparison.OrdinalIgnoreCase))));
    }

    // "For example, with the function def g(n): return n*2 and n=3, the output is 6": an example that writes out a
    // function of its own is about that function, whatever input it names (holdout66
    // llamacodeinstruct/complexity-redundant-cot/186, a copied format example its reader did not count).
    public static bool DefinesAnotherFunction(string text) =>
        text.Contains("def ", StringComparison.Ordinal) || text.Contains("<function>", StringComparison.OrdinalIgnoreCase);

    // "n=3", "n = 3" with the asked input's name and value, and no other digit after them.
    private static bool NamesRunAsked(string text, AskedInput? asked) => asked is not null && asked.IsNamedIn(text);

    /// <summary>
    /// Whether the answer-only line <paramref name="index"/> sits under a heading that shows examples ("Example:",
    /// "For example:", anywhere above it in its paragraph) or lists options to choose from ("Possible Answers", above
    /// the run of tags and blank lines that leads to it). Looked up from the answer, so lines without one pay nothing.
    /// </summary>
    public static bool UnderHeading(string[] lines, int index, string before)
    {
        if (before.AsSpan().Trim().Length > 0)
        {
            return false;
        }

        var inParagraph = true;
        for (var k = index - 1; k >= 0 && k >= index - OptionsReach; k--)
        {
            var line = lines[k].AsSpan().Trim();
            if (line.Length == 0)
            {
                inParagraph = false;
                continue;
            }

            if (!(line[0] == '<' && line[^1] == '>'))
            {
                // The first line above that is not a tag (a tag line is no heading): a list of options has its heading
                // here or nowhere, an example its heading here or above in the paragraph.
                return IsOptionsHeading(lines[k]) || (inParagraph && ExampleHeadingAbove(lines, k));
            }
        }

        return false;
    }

    // An example heading at or above line k in its paragraph, within ParagraphReach lines.
    private static bool ExampleHeadingAbove(string[] lines, int k)
    {
        for (var j = k; j >= 0 && j > k - ParagraphReach && lines[j].AsSpan().Trim().Length > 0; j--)
        {
            if (IsExampleHeading(lines[j].AsSpan().Trim()))
            {
                return true;
            }
        }

        return false;
    }

    // "Example:", "For example:", "Here is an example of the output format:": a short line, or one that opens like an
    // example, ending with ':'.
    private static bool IsExampleHeading(ReadOnlySpan<char> line) =>
        line.EndsWith(':') && line.Contains("example", StringComparison.OrdinalIgnoreCase)
        && (line.Length <= 40 || IntroducesExample(line.ToString()));

    // "Possible Answers", "Select one of the following answers": what follows is a list to choose from. A heading holds
    // no digit, which skips the phrase search on the lines of a trace.
    private static bool IsOptionsHeading(string line) =>
        !line.AsSpan().ContainsAnyInRange('0', '9') && Reading.Lexicon.OptionsHeadings.InAnyCase(line);

    private static bool IntroducesExample(string line)
    {
        var start = line.TrimStart('*', '#', '-', ' ');
        return start.StartsWith("for example", StringComparison.OrdinalIgnoreCase) || start.StartsWith("e.g.", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("as an example", StringComparison.OrdinalIgnoreCase) || start.StartsWith("here is an example", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("here's an example", StringComparison.OrdinalIgnoreCase);
    }
}
