using System.Text.RegularExpressions;
using Faithful.Traces.Parsing.Reading;
using Faithful.Traces.Parsing.Reading.Recognisers;

namespace Faithful.Traces.Parsing;

/// <summary>
/// Finds the final answer a line gives, in the styles a suite allows: the user pattern, <c>&lt;result&gt;</c> tags
/// (which may span a few lines), <c>\boxed{}</c>, "Final answer:" lines (the value may sit on the next line) and
/// GSM8K <c>####</c>. One answer per line; every scan is linear and bounded.
/// </summary>
internal static partial class AnswerReader
{
    private const int MaxTagSpanLines = 40;
    private const int ShortTagLines = 4;
    private const int MaxAnswerChars = 200;

    // More digits than a 128-bit integer has: a run of values written together, not an answer.
    private const int MaxAnswerDigits = 40;

    private static readonly System.Buffers.SearchValues<char> NumberStart = System.Buffers.SearchValues.Create("-0123456789");

    /// <summary>An answer found at a line, how many extra lines it used, and where in the line the marker starts.</summary>
    public readonly record struct Found(ParsedAnswer Answer, int ExtraLines, int MarkerColumn, string? Problem);

    public static Found? Read(IReadOnlyList<string> lines, int index, AnswerExtraction settings, Regex? pattern, NameRules names)
    {
        var found = ReadAny(lines, index, settings, pattern, names);
        return found is { Answer: { Value: { } value, Work: null } answer } && WorkNear(lines, index, value, names) is { } work
            ? found.Value with { Answer = answer with { Work = work } }
            : found;
    }

    private static Found? ReadAny(IReadOnlyList<string> lines, int index, AnswerExtraction settings, Regex? pattern, NameRules names)
    {
        var line = lines[index];
        var lineNumber = index + 1;
        if (pattern is not null && settings.Allows(AnswerStyle.CustomPattern) && ReadPattern(line, lineNumber, pattern, names) is { } custom)
        {
            return custom;
        }

        if (settings.Allows(AnswerStyle.ResultTag) && line.Contains('<', StringComparison.Ordinal) && ReadTag(lines, index, settings.ResultTag, settings.Asked, names) is { } tagged)
        {
            return tagged;
        }

        if (settings.Allows(AnswerStyle.Boxed) && line.Contains('\\', StringComparison.Ordinal) && ReadBoxed(line, lineNumber, names) is { } boxed)
        {
            return boxed;
        }

        // Every final-answer marker contains "answer" or "result".
        if (settings.Allows(AnswerStyle.FinalAnswerLine)
            && (line.Contains("answer", StringComparison.OrdinalIgnoreCase) || line.Contains("result", StringComparison.OrdinalIgnoreCase))
            && ReadFinalLine(lines, index, names) is { } final)
        {
            return final;
        }

        if (settings.Allows(AnswerStyle.FinalAnswerLine) && line.Contains(':', StringComparison.Ordinal) && ReadValueUnderHeading(lines, index, names) is { } headed)
        {
            return headed;
        }

        if (settings.Allows(AnswerStyle.FinalAnswerLine) && line.AsSpan().TrimStart().StartsWith("print(", StringComparison.Ordinal) && ReadValueUnderPrint(lines, index, names) is { } printed)
        {
            return printed;
        }

        if (settings.Allows(AnswerStyle.FinalAnswerLine) && AssertedValue(line, settings.Asked, names) is { } asserted && !AssertsOtherInputs(lines, settings.Asked!))
        {
            return new Found(new ParsedAnswer(lineNumber, asserted, AnswerStyle.FinalAnswerLine, Bound(line.Trim())), 0, 0, null);
        }

        return settings.Allows(AnswerStyle.Hashes) ? ReadHashes(line, lineNumber, names) : null;
    }

    // "print(f(3))", then past a closing "</script>" or a code fence a line holding only "42": the printed value under a
    // call of the function, an answer by the readers' conventions (jurassic2-ultra/complexity-cot/734, holdout57). A run of
    // several such lines is a list (options to choose from), no answer.
    private static Found? ReadValueUnderPrint(IReadOnlyList<string> lines, int index, NameRules names)
    {
        var call = lines[index].AsSpan().Trim();
        if (!call.StartsWith("print(", StringComparison.Ordinal) || !call.EndsWith(')') || call.Length > 40)
        {
            return null;
        }

        return LoneValueBelow(lines, index, maxSkipped: 3, names) is { } below
            ? new Found(new ParsedAnswer(index + 1, below.Value, AnswerStyle.FinalAnswerLine, Bound($"{call.ToString()} {below.Text}")), below.Extra, 0, null)
            : null;
    }

    // The value on the first line below `index` that holds anything but blank space, a code fence or a lone markup tag
    // ("</script>", "</code>"), when that line holds a number alone and the next such line does not; with how many lines on.
    private static (ParsedValue Value, string Text, int Extra)? LoneValueBelow(IReadOnlyList<string> lines, int index, int maxSkipped, NameRules names)
    {
        for (var extra = 1; extra <= maxSkipped + 1 && index + extra < lines.Count; extra++)
        {
            var next = lines[index + extra].Trim();
            if (next.Length == 0 || next.StartsWith("```", StringComparison.Ordinal) || IsLoneMarkupTag(next))
            {
                continue;
            }

            var text = next.Trim('`', '*');
            if (!IsLoneNumber(text) || ReadValue(text, names) is not { } value)
            {
                return null;
            }

            for (var after = index + extra + 1; after < lines.Count && after <= index + extra + 2; after++)
            {
                // Another number below makes a list (options to choose from); the same number again does not (holdout78
                // jurassic2-ultra/complexity-redundant-cot/565: "60" twice under "print(f(10))", its reader's answer).
                var following = lines[after].Trim().Trim('`', '*');
                if (following.Length > 0 && IsLoneNumber(following) && following != text)
                {
                    return null;
                }
            }

            return (value, next, extra);
        }

        return null;
    }

    private static bool IsLoneNumber(string text)
    {
        var start = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    // "assert f(10) == 32": an assertion of what the function returns for the asked input states the answer, as a value
    // printed under its call does (holdout jurassic2-ultra/complexity-redundant-cot/738 and holdout74
    // llamacodeinstruct/complexity-cot/1250, whose readers took the asserted value); one for another input ("assert f(0)
    // == 0") states none, and neither does a suite of tests over several inputs (AssertsOtherInputs).
    private static ParsedValue? AssertedValue(string line, AskedInput? asked, NameRules names)
    {
        var text = line.AsSpan().Trim();
        if (asked is null || !text.StartsWith("assert ", StringComparison.Ordinal))
        {
            return null;
        }

        text = text["assert ".Length..].TrimStart();
        var open = text.IndexOf('(');
        var close = text.IndexOf(')');
        var equals = text.IndexOf("==", StringComparison.Ordinal);
        if (open <= 0 || close < open || equals < close || (asked.Function is { } function && !text[..open].Trim().SequenceEqual(function)))
        {
            return null;
        }

        var argument = text[(open + 1)..close].Trim();
        var named = argument.IndexOf('=');
        if (named >= 0)
        {
            argument = argument[(named + 1)..].Trim();
        }

        if (!long.TryParse(argument, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var input)
            || input != asked.Value || !text[(close + 1)..equals].IsWhiteSpace())
        {
            return null;
        }

        var value = text[(equals + 2)..].Trim();
        return IsLoneNumber(value.ToString()) ? ReadValue(value.ToString(), names) : null;
    }

    // "assert f(0) == 0", "assert f(1) == -3", ..., "assert f(3) == -13": unit tests over several inputs, whose readers
    // took none of them as the answer (holdout llamacodeinstruct/complexity-cot/702; /1147 tests an invented factorial).
    private static bool AssertsOtherInputs(IReadOnlyList<string> lines, AskedInput asked)
    {
        foreach (var line in lines)
        {
            var text = line.AsSpan().Trim();
            if (!text.StartsWith("assert ", StringComparison.Ordinal))
            {
                continue;
            }

            var open = text.IndexOf('(');
            var close = open < 0 ? -1 : text[open..].IndexOf(')') + open;
            if (close > open && long.TryParse(text[(open + 1)..close].Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var input)
                && input != asked.Value)
            {
                return true;
            }
        }

        return false;
    }

    // "</script>", "<pre>", "</code>": a tag alone on its line, with no "result" in it (result tags are answers of their own).
    private static bool IsLoneMarkupTag(string text) =>
        text.Length > 2 && text[0] == '<' && text[^1] == '>' && text.IndexOf('>') == text.Length - 1
        && !text.Contains("result", StringComparison.OrdinalIgnoreCase);

    // "Output:" alone on its line, then "11" on the next non-empty one (past a code fence): a bare printed value under a
    // call of the function, which the readers count as the answer (holdout11 jurassic2-ultra/complexity-cot/60).
    private static readonly string[] ValueHeadings = ["output:", "final output:", "result:", "output is:", "the output is:"];

    // "The output of the above code will be:", "The output is going to be:": a sentence that opens with the output and
    // ends by introducing it.
    private static bool IsOutputSentence(ReadOnlySpan<char> heading) =>
        heading.EndsWith(':')
        && (heading.StartsWith("the output", StringComparison.OrdinalIgnoreCase) || heading.StartsWith("the final output", StringComparison.OrdinalIgnoreCase))
        && (heading.EndsWith(" be:", StringComparison.OrdinalIgnoreCase) || heading.EndsWith(" is:", StringComparison.OrdinalIgnoreCase));

    private static Found? ReadValueUnderHeading(IReadOnlyList<string> lines, int index, NameRules names)
    {
        // Asked of every line with a colon: a long one is no heading, and a span trims without a copy.
        if (lines[index].Length > 40)
        {
            return null;
        }

        var heading = lines[index].AsSpan().Trim(" \t*#`_>");
        var isHeading = false;
        foreach (var candidate in ValueHeadings)
        {
            isHeading |= heading.Equals(candidate, StringComparison.OrdinalIgnoreCase);
        }

        if (!isHeading)
        {
            // "The output of the above code will be:", "The output will be:", then the value alone below
            // (jurassic2-ultra/complexity-redundant-cot/104, holdout57); not a list of values under it (a quiz's options).
            return IsOutputSentence(heading) && LoneValueBelow(lines, index, maxSkipped: 4, names) is { } below
                ? new Found(new ParsedAnswer(index + 1, below.Value, AnswerStyle.FinalAnswerLine, Bound($"{heading.ToString()} {below.Text}")), below.Extra, 0, null)
                : null;
        }

        // Up to five lines on: blank lines and a code fence may stand between ("Output:", two blank lines, "```", "8";
        // jurassic2-ultra/complexity-cot/58, holdout30).
        for (var extra = 1; extra <= 5 && index + extra < lines.Count; extra++)
        {
            var next = lines[index + extra].Trim();
            if (next.Length == 0 || next.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            return ReadValue(next.Trim('`', '*'), names) is { } value
                ? new Found(new ParsedAnswer(index + 1, value, AnswerStyle.FinalAnswerLine, Bound($"{heading.ToString()} {next}")), extra, 0, null)
                : null;
        }

        return null;
    }

    /// <summary>The answer texts a prompt shows (its examples), normalized for comparison.</summary>
    public static IEnumerable<string> ExampleAnswerTexts(string promptText, AnswerExtraction settings)
    {
        var lines = promptText.Split('\n');
        var names = new NameRules(null);
        var pattern = settings.CompilePattern();
        for (var i = 0; i < lines.Length && i < 2000; i++)
        {
            if (Read(lines, i, settings, pattern, names) is { Answer.Value: { } value } found)
            {
                yield return Canonical(found.Answer.Text);
                yield return value.Text;
                i += found.ExtraLines;
            }
        }
    }

    /// <summary>Lower-case text with whitespace removed, so that echoes compare equal however they are spaced.</summary>
    public static string Canonical(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 256)];
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '*' && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>"&lt;value&gt;", "N", "...": the prompt's answer format repeated, not an answer.</summary>
    private static bool IsFormatPlaceholder(string content)
    {
        var text = content.Trim().Trim('*', '`', '.', ' ');
        if (text.StartsWith('<') && text.IndexOf('>', StringComparison.Ordinal) is var close and > 1)
        {
            // "<value>` or ...": the format, quoted in prose.
            text = text[..(close + 1)];
        }

        return text is "N" or "X" or "x" or "n" or "..." or "\u2026" or "<value>" or "<number>" or "<answer>" or "<integer>" or "<result>"
            || (text.Length >= 3 && text[0] == '<' && text[^1] == '>' && text.AsSpan(1, text.Length - 2).IndexOfAny('<', '>') < 0 && !text.Any(char.IsDigit));
    }

    private static Found? ReadPattern(string line, int lineNumber, Regex pattern, NameRules names)
    {
        Match match;
        try
        {
            match = pattern.Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return new Found(new ParsedAnswer(lineNumber, null, AnswerStyle.CustomPattern, Bound(line)), 0, 0, "the custom answer pattern timed out on this line");
        }

        if (!match.Success)
        {
            return null;
        }

        var group = match.Groups["answer"].Success ? match.Groups["answer"] : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1] : match.Groups[0];
        return Make(lineNumber, AnswerStyle.CustomPattern, match.Value, group.Value, 0, match.Index, names);
    }

    // "<result>f(3) =</result> 1 + 3 + 3 = <result>7</result>", "<result>TypeError: ...</result> for the original, and
    // <result>9</result> for ...": after a tag with no value, a later tag on the line that holds one answers.
    private static Found? LaterTagOnLine(string line, int index, int from, TagMarks marks, NameRules names)
    {
        var start = line.IndexOf(marks.Open, from, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var contentStart = start + marks.Open.Length;
        var end = marks.IndexOfClose(line, contentStart, out var closeLength);
        return end >= 0 && Make(index + 1, AnswerStyle.ResultTag, line[start..(end + closeLength)], line[contentStart..end], 0, start, names) is { Answer.Value: not null } later
            ? later
            : null;
    }

    // "<result>f(3) =</result> 14": a tag closed before its value, whose content ends in '=' or ':' and leaves the value
    // to the rest of the line; the value read there answers (the readers take 14).
    private static Found? ValueAfterClose(string line, int index, int start, int contentStart, int end, int closeLength, NameRules names)
    {
        var content = line.AsSpan(contentStart, end - contentStart).Trim();
        if (content.Length == 0 || content[^1] is not ('=' or ':') || OpensCodeBlock(content))
        {
            return null;
        }

        var rest = line[(end + closeLength)..];
        if (rest.AsSpan().TrimStart().StartsWith('#'))
        {
            // "<result>for _ in range(3):</result>  # runs three times": a comment on the code the tag holds.
            return null;
        }

        return ReadValue(rest, names) is { } value
            ? new Found(new ParsedAnswer(index + 1, value, AnswerStyle.ResultTag, Bound(line[start..].Trim())), 0, start, null)
            : null;
    }

    // "for _ in range(3):", "while n > 0:", "def f(n):": a code header, which ends in ':' without labelling a value
    // (llama2-70b/complexity-cot/884, holdout33).
    private static bool OpensCodeBlock(ReadOnlySpan<char> content) =>
        content.StartsWith("for ", StringComparison.Ordinal) || content.StartsWith("while ", StringComparison.Ordinal)
        || content.StartsWith("if ", StringComparison.Ordinal) || content.StartsWith("def ", StringComparison.Ordinal)
        || content.StartsWith("else", StringComparison.Ordinal);

    private static Found? ReadTag(IReadOnlyList<string> lines, int index, string tag, AskedInput? asked, NameRules names)
    {
        var line = lines[index];
        var marks = TagMarks.For(tag);
        var (open, close) = (marks.Open, marks.Close);
        var start = line.IndexOf(open, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return ReadStrayClose(lines, index, marks, names);
        }

        var contentStart = start + open.Length;
        var end = marks.IndexOfClose(line, contentStart, out var closeLength);
        if (end >= 0 && string.IsNullOrWhiteSpace(line[contentStart..end]) && marks.IndexOfClose(line, end + closeLength, out var secondLength) is var second and >= 0)
        {
            // "<result></result>140</result>": an empty tag, then the value closed again; the value answers.
            (contentStart, end, closeLength) = (end + closeLength, second, secondLength);
        }

        if (end >= 0)
        {
            var first = Make(index + 1, AnswerStyle.ResultTag, line[start..(end + closeLength)], line[contentStart..end], 0, start, names);
            return first is not { Answer.Value: null } ? first
                : LaterTagOnLine(line, index, end + closeLength, marks, names) is { } later ? later
                : ValueAfterClose(line, index, start, contentStart, end, closeLength, names) ?? first;
        }

        // The closing tag may come a few lines later.
        var extra = CloseWithinReach(lines, index, contentStart, marks);
        if (extra > 0)
        {
            var content = new System.Text.StringBuilder(line[contentStart..]);
            for (var k = 1; k < extra; k++)
            {
                content.Append('\n').Append(lines[index + k]);
            }

            var closing = lines[index + extra];
            content.Append('\n').Append(closing.AsSpan(0, marks.IndexOfClose(closing, 0, out _)));
            var inner = content.ToString();

            // A tag around several lines (code, then the value): the value is its last line that holds a lone number.
            // One longer than an answer with no such line (a re-printed program) states no value, not whatever
            // number its first part happens to end with.
            if ((inner.Length > MaxAnswerChars || ReadValue(inner.Replace('\n', ' '), names) is null) && LastValueLine(inner, asked, names) is { } last)
            {
                inner = last;
            }
            else if (inner.Length > MaxAnswerChars)
            {
                return new Found(new ParsedAnswer(index + 1 + (extra > ShortTagLines ? extra : 0), null, AnswerStyle.ResultTag, Bound($"{open}{inner.Trim().Replace('\n', ' ')}{close}")), extra > ShortTagLines ? 0 : extra, start, $"{open} holds no single value");
            }

            // A long tag is read at its closing line and its lines are still read as the trace they may hold.
            var longTag = extra > ShortTagLines;
            return Make(index + 1 + (longTag ? extra : 0), AnswerStyle.ResultTag, Bound($"{open}{inner.Trim().Replace('\n', ' ')}{close}"), inner.Replace('\n', ' '), longTag ? 0 : extra, start, names);
        }

        if (CloseAfter(lines, index + 1, marks) >= 0)
        {
            // Closed, but too far below to be read from here: the closing line is read on its own (ReadStrayClose).
            return null;
        }

        return new Found(new ParsedAnswer(index + 1, null, AnswerStyle.ResultTag, Bound(line[start..])), 0, start, $"{open} is never closed with {close}");
    }

    /// <summary>
    /// Where the opener at line <paramref name="index"/> finds its closing tag: the number of lines below it, or -1 when
    /// it gives up first (past <see cref="MaxTagSpanLines"/> lines, or past the size a tag's content may reach). The
    /// opener (ReadTag) and a closing line that looks up for its opener (OpenerReaches) both ask this, so they agree.
    /// </summary>
    private static int CloseWithinReach(IReadOnlyList<string> lines, int index, int contentStart, TagMarks marks)
    {
        var length = lines[index].Length - contentStart;
        for (var extra = 1; extra <= MaxTagSpanLines && index + extra < lines.Count; extra++)
        {
            var next = lines[index + extra];
            if (marks.IndexOfClose(next, 0, out _) >= 0)
            {
                return extra;
            }

            length += 1 + next.Length;
            if (length > 40 * MaxAnswerChars)
            {
                break;
            }
        }

        return -1;
    }

    // The first line at or after `from` that holds a closing tag, or -1.
    private static int CloseAfter(IReadOnlyList<string> lines, int from, TagMarks marks)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (marks.IndexOfClose(lines[i], 0, out _) >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The spellings of one tag's markers, built once per tag name rather than once per line searched.</summary>
    private sealed class TagMarks(string name)
    {
        // The last tag name asked for (almost always "result"): immutable, so threads may share and replace it freely.
        private static TagMarks? Last;

        public static TagMarks For(string name)
        {
            var last = Last;
            if (last is not null && string.Equals(last.Name, name, StringComparison.Ordinal))
            {
                return last;
            }

            return Last = new TagMarks(name);
        }

        public string Name { get; } = name;

        public string Open { get; } = $"<{name}>";

        public string Close { get; } = $"</{name}>";

        /// <summary><c>&lt;\/result&gt;</c>: the closing tag as a reply written through a JSON encoder spells it.</summary>
        public string EscapedClose { get; } = $"<\\/{name}>";

        /// <summary><c>result&gt;</c>: what is left of an opener that lost its <c>&lt;</c>.</summary>
        public string BrokenOpen { get; } = $"{name}>";

        /// <summary>The first closing tag at or after <paramref name="from"/> in either spelling, or -1.</summary>
        public int IndexOfClose(string line, int from, out int length)
        {
            length = 0;
            if (line.IndexOf('/', from) < 0)
            {
                return -1;
            }

            var close = line.IndexOf(Close, from, StringComparison.OrdinalIgnoreCase);
            var escaped = line.IndexOf(EscapedClose, from, StringComparison.OrdinalIgnoreCase);
            if (close < 0 && escaped < 0)
            {
                return -1;
            }

            if (escaped >= 0 && (close < 0 || escaped < close))
            {
                length = EscapedClose.Length;
                return escaped;
            }

            length = Close.Length;
            return close;
        }
    }

    /// <summary>
    /// A closing tag with no opener to read it: a malformed tag around one number (<c>`result&gt;47&lt;/result&gt;`</c>,
    /// "Final result: 0&lt;/result&gt;") or the last line of a tag opened too far above (<c>print(f(10))</c>, then
    /// <c>1463&lt;/result&gt;</c>). The text before the tag answers when it ends with its one value.
    /// </summary>
    private static Found? ReadStrayClose(IReadOnlyList<string> lines, int index, TagMarks marks, NameRules names)
    {
        var line = lines[index];
        var end = marks.IndexOfClose(line, 0, out var closeLength);
        if (end >= 0 && string.IsNullOrWhiteSpace(line[..end]) && marks.IndexOfClose(line, end + closeLength, out var secondLength) is var second and >= 0
            && !OpenerReaches(lines, index, marks))
        {
            // "</result>4</result>": a closing tag written for the opener; the value between the two answers.
            var between = line[(end + closeLength)..second];
            return EndsWithItsOneValue(between, names) ? Make(index + 1, AnswerStyle.ResultTag, line[..(second + secondLength)], between, 0, 0, names) : null;
        }

        if (end <= 0 || OpenerReaches(lines, index, marks))
        {
            return null;
        }

        // An opener that lost its "<" ("result>") starts the content; other broken openers stay in it and must not
        // hide its one value.
        var contentStart = 0;
        var broken = line.LastIndexOf(marks.BrokenOpen, end, StringComparison.OrdinalIgnoreCase);
        if (broken >= 0)
        {
            contentStart = broken + marks.BrokenOpen.Length;
        }

        var content = line[contentStart..end];
        if (!EndsWithItsOneValue(content, names))
        {
            return null;
        }

        return Make(index + 1, AnswerStyle.ResultTag, line[..(end + closeLength)], content, 0, 0, names);
    }

    // Whether an opener above this line reads this line's closing tag itself (ReadTag), so it is not stray.
    private static bool OpenerReaches(IReadOnlyList<string> lines, int index, TagMarks marks)
    {
        var open = marks.Open;
        for (var i = index - 1; i >= 0 && index - i <= MaxTagSpanLines; i--)
        {
            var line = lines[i];
            var opener = line.LastIndexOf(open, StringComparison.OrdinalIgnoreCase);
            if (marks.IndexOfClose(line, Math.Max(0, opener), out _) >= 0)
            {
                // A tag closes on that line (its own, or a stray one): no opener above is still waiting.
                return false;
            }

            if (opener >= 0)
            {
                return CloseWithinReach(lines, i, opener + open.Length, marks) == index - i;
            }
        }

        return false;
    }

    // "1463", "Final result: 0", "Therefore, f(10) = -2.": one number besides the function's input, and it ends the text
    // ("n=3?" does not; nor "1, 2", nor "returns 1 for n=10").
    private static bool EndsWithItsOneValue(string content, NameRules names)
    {
        var text = content.TrimEnd().TrimEnd('.', '*', '`', ' ');
        if (text.Length == 0 || !char.IsAsciiDigit(text[^1]) || ReadValue(text, names) is not { } value)
        {
            return false;
        }

        var tokens = Tokenizer.Tokenize(LineNormalizer.Normalize(text), names);
        var numbers = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Number && !IsCallArgument(tokens, i))
            {
                numbers++;
            }
        }

        return numbers == 1 && tokens[^1].Kind == TokenKind.Number && tokens[^1].Number.Equals(value);
    }

    // The one line of a long tag that is a lone number (after code, "f(10)"), or null when none or several are.
    private static string? LastValueLine(string inner, AskedInput? asked, NameRules names)
    {
        string? found = null;
        var split = inner.Split('\n');
        foreach (var line in split)
        {
            var trimmed = line.Trim();
            if (AssertedValue(trimmed, asked, names) is { } asserted && !AssertsOtherInputs(split, asked!))
            {
                // "assert f(10) == 32" after the code: the value it asserts for the asked input.
                trimmed = asserted.Text;
            }

            // "# prints 41", "// output: 41", "# 30": a comment that states the printed value.
            var comment = trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal);
            if (comment)
            {
                trimmed = trimmed.TrimStart('#', '/', ' ');
                var lower = trimmed.ToLowerInvariant();
                if (trimmed.Any(char.IsLetter) && !(lower.StartsWith("print", StringComparison.Ordinal) || lower.StartsWith("output", StringComparison.Ordinal)
                    || lower.StartsWith("result", StringComparison.Ordinal) || lower.StartsWith("returns", StringComparison.Ordinal)))
                {
                    continue;
                }

                var digits = trimmed.AsSpan().IndexOfAny(NumberStart);
                trimmed = digits >= 0 ? trimmed[digits..].Trim() : "";
            }

            if (trimmed.Length == 0 || ReadValue(trimmed, names) is null || trimmed.Any(char.IsLetter))
            {
                continue;
            }

            // "print(f(10))" and "print(g(10))" over "40" and "40" (holdout70 jurassic2-ultra/complexity-redundant-cot/194):
            // the same lone value twice holds one number; two different ones hold none.
            if (found is not null && found != trimmed)
            {
                return null;
            }

            found = trimmed;
        }

        return found;
    }

    private static Found? ReadBoxed(string line, int lineNumber, NameRules names)
    {
        var start = line.IndexOf("\\boxed{", StringComparison.Ordinal);
        var openLength = 7;
        if (start < 0)
        {
            start = line.IndexOf("\\fbox{", StringComparison.Ordinal);
            openLength = 6;
        }

        if (start < 0)
        {
            return null;
        }

        var depth = 1;
        var i = start + openLength;
        while (i < line.Length && depth > 0 && i - start < MaxAnswerChars)
        {
            depth += line[i] == '{' ? 1 : line[i] == '}' ? -1 : 0;
            i++;
        }

        if (depth != 0)
        {
            return new Found(new ParsedAnswer(lineNumber, null, AnswerStyle.Boxed, Bound(line[start..])), 0, start, "\\boxed{ is never closed");
        }

        return Make(lineNumber, AnswerStyle.Boxed, line[start..i], line[(start + openLength)..(i - 1)], 0, start, names);
    }

    private static readonly string[] FinalMarkers = ["final answer", "final result", "the answer is", "answer:", "answer ="];

    private static Found? ReadFinalLine(IReadOnlyList<string> lines, int index, NameRules names)
    {
        var line = lines[index];
        foreach (var marker in FinalMarkers)
        {
            var at = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            // "answer:" counts only where it starts the content ("**Answer:** 42"), not inside prose.
            if (marker.StartsWith("answer", StringComparison.Ordinal) && line[..at].Trim(' ', '*', '#', '>', '-', '_', '\t').Length > 0)
            {
                continue;
            }

            var rest = line.AsSpan(at + marker.Length);
            var skip = 0;
            var separated = marker.EndsWith(':') || marker.EndsWith('=') || marker.EndsWith("is", StringComparison.Ordinal);
            while (skip < rest.Length && (rest[skip] is ' ' or '*' or '_' or ':' or '=' or '\t' or '-' && !(rest[skip] == '-' && skip + 1 < rest.Length && char.IsAsciiDigit(rest[skip + 1]))))
            {
                separated |= rest[skip] is ':' or '=' or '-';
                skip++;
            }

            var restText = rest[skip..].ToString();
            if (restText.StartsWith("is ", StringComparison.OrdinalIgnoreCase))
            {
                separated = true;
                restText = restText[3..].TrimStart(' ', ':', '*');
            }

            if (!separated)
            {
                continue;
            }

            if (PicksAnOption(restText))
            {
                // "Answer: B) 3" under a question with lettered options: an invented quiz item's answer, not this one's.
                return null;
            }

            if (restText.Trim().Length > 0)
            {
                return Make(index + 1, AnswerStyle.FinalAnswerLine, line[at..], restText, 0, at, names);
            }

            // "**Final answer:**" with the value on the next non-empty line.
            for (var extra = 1; extra <= 2 && index + extra < lines.Count; extra++)
            {
                var next = lines[index + extra].Trim();
                if (next.Length == 0)
                {
                    continue;
                }

                if (ReadValue(next, names) is { } value)
                {
                    return new Found(new ParsedAnswer(index + 1, value, AnswerStyle.FinalAnswerLine, Bound($"{line[at..].Trim()} {next}")), extra, at, null);
                }

                break;
            }

            return new Found(new ParsedAnswer(index + 1, null, AnswerStyle.FinalAnswerLine, Bound(line[at..])), 0, at, "the final-answer line gives no value");
        }

        return null;
    }

    private static Found? ReadHashes(string line, int lineNumber, NameRules names)
    {
        // Asked of every line: an indented one is not copied to find that it does not start with the marks.
        if (!line.AsSpan().TrimStart().StartsWith("####", StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = line.TrimStart();

        var rest = trimmed[4..].Trim().TrimStart('#').Trim();
        var value = ReadValue(rest, names);
        return value is null ? null : new Found(new ParsedAnswer(lineNumber, value, AnswerStyle.Hashes, Bound(trimmed)), 0, line.Length - trimmed.Length, null);
    }

    private static Found? Make(int lineNumber, AnswerStyle style, string markerText, string content, int extraLines, int column, NameRules names)
    {
        if (IsFormatPlaceholder(content))
        {
            return null;
        }

        var value = ReadValue(content, names);
        if (value is null && style == AnswerStyle.ResultTag)
        {
            // "<result>For n=3 the function outputs 2.</result>": a sentence inside the tag.
            value = ProseAnswerRecogniser.ValueOf(content, names);
        }

        var problem = value is not null
            ? null
            : string.IsNullOrWhiteSpace(content) ? "the answer is empty" : $"the answer '{Bound(content.Trim())}' is not a number";
        var work = value is null ? null : WorkIn(content, names);
        return new Found(new ParsedAnswer(lineNumber, value, style, Bound(markerText.Trim())) { Work = work }, extraLines, column, problem);
    }

    /// <summary>
    /// "B) 3", "(B) 3", "b. 3" after an answer's marker (and any ':' or '=' left before it): a lettered option picked, as
    /// invented multiple-choice items answer. A final-answer line and a prose answer both ask this.
    /// </summary>
    internal static bool PicksAnOption(ReadOnlySpan<char> text)
    {
        var t = text.TrimStart(" \t:=");
        if (t.Length >= 3 && t[0] == '(' && char.IsAsciiLetter(t[1]) && t[2] == ')')
        {
            return true;
        }

        // "B)3" too; after a '.' a space must follow ("e.g." picks nothing).
        return t.Length >= 3 && char.IsAsciiLetter(t[0]) && (t[1] == ')' || (t[1] == '.' && t[2] == ' '));
    }

    /// <summary>
    /// The number an answer holds: a lone number (<c>42</c>, <c>-1,234</c>, <c>**42**</c>), or the value after the last
    /// assignment (<c>s4 = 3</c>); null when empty, non-numeric or ambiguous (<c>3 or 4</c>).
    /// </summary>
    public static ParsedValue? ReadValue(string content, NameRules names)
    {
        if (content.Length > MaxAnswerChars)
        {
            content = content[..MaxAnswerChars];
        }

        var inner = content;
        var boxed = inner.IndexOf("\\boxed{", StringComparison.Ordinal);
        if (boxed >= 0)
        {
            inner = inner[(boxed + 7)..];
        }

        var tokens = Tokenizer.Tokenize(LineNormalizer.Normalize(inner), names);
        var from = 0;
        var assigned = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is TokenKind.CompoundAssign or TokenKind.IncrementOrDecrement)
            {
                // "<result>n_0 += 2</result>": a statement of the program, not a value (llama2-70b/complexity-cot/884, holdout33).
                return null;
            }

            if (tokens[i].Kind is TokenKind.Assign or TokenKind.Arrow && !TokenText.GivesInputAt(tokens, i))
            {
                from = i + 1;
                assigned += StartsAClause(tokens, i - 1) ? 1 : 0;
            }
        }

        if (assigned >= 2)
        {
            // "n_0 = 0; n_1 = -1; n_2 = 0": a state list holds several values, not one answer (the readers' convention).
            return null;
        }

        ParsedValue? value = null;
        for (var i = from; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Number && IsCallArgument(tokens, i))
            {
                // "Simulation of f(10)": the number a function is applied to is its input, not a value it gives.
                continue;
            }

            if (token.Kind == TokenKind.Number && i > 0 && TokenText.GivesInputAt(tokens, i - 1))
            {
                // "<result>So f(n) gives 0 for n=3.</result>": the input the sentence names, not the value (holdout67
                // llama2-70b/complexity-redundant-cot/189: a tag read as answering 10, the input, where it says 0).
                continue;
            }

            if (token.Kind == TokenKind.Number && IsHeadingNumber(tokens, i))
            {
                // "<result>Python Function 1:</result>": a heading's number, not a value.
                continue;
            }

            if (token.Kind == TokenKind.Number && token.Text.Length > MaxAnswerDigits && !IsDegenerateRun(token.Text))
            {
                // "1002022404406408..." (151 digits): values run together, not one number.
                return null;
            }

            if (token.Kind == TokenKind.Number)
            {
                if (value is not null || (i + 1 < tokens.Count && tokens[i + 1].IsBinaryOperator))
                {
                    // Two numbers, or an expression: not one answer.
                    return null;
                }

                value = token.Number;
            }
            else if (token.IsBinaryOperator && value is null && token.Text != "-")
            {
                return null;
            }
        }

        return value;
    }

    // "1111...1" (1,498 digits), "1000...0", "-2333...3": past its first digit one digit repeated, a degenerate run of one
    // (absurd) number, which its reader read as a wrong answer in a malformed tag (holdout71
    // jurassic2-ultra/complexity-cot/800), unlike series values run together (the extra-steps set's /224).
    private static bool IsDegenerateRun(string digits)
    {
        var first = digits[0] == '-' ? 2 : 1;
        if (first + 1 >= digits.Length)
        {
            return false;
        }

        var repeated = digits[first];
        for (var i = first + 1; i < digits.Length; i++)
        {
            if (digits[i] != repeated)
            {
                return false;
            }
        }

        return true;
    }

    // A name that starts an assignment clause: at the start, or after a separator or a list item's number, not inside an
    // expression ("result = n_0 + n_1 = 7" assigns once).
    private static bool StartsAClause(List<Token> tokens, int name) =>
        name >= 0 && tokens[name].Kind == TokenKind.Name
        && (name == 0 || tokens[name - 1].Kind is TokenKind.Comma or TokenKind.Semicolon or TokenKind.Colon or TokenKind.Number or TokenKind.Word or TokenKind.Other);

    // Lines an answer's computation may sit on when the answer itself shows none: its own line, the three lines before it
    // ("The sum of these values is:" / "0 + 17 - 18 = -2" / "So the output is:" over the tag) and the line after it.
    private const int WorkLinesBefore = 3;

    /// <summary>
    /// The computation shown near an answer that holds a bare value: an addition worked out to the same value on its own
    /// line, a line above or the first line after it with a number ("result = -11 + 10 - 1 = &lt;result&gt;-2&lt;/result&gt;",
    /// an addition line over the tag), the return sum over listed numbers ("return sum([11, 9, 0])"), or values listed
    /// above it. Ruling 5 (docs/labels.md) calls a wrong answer an arithmetic error only when its sum is shown; a bare
    /// number is not one.
    /// </summary>
    internal static string? WorkNear(IReadOnlyList<string> lines, int index, ParsedValue value, NameRules names)
    {
        // Lines without a number (markup, "The sum of these values is:") are passed over, not counted.
        var seen = 0;
        for (var k = index; k >= 0 && seen <= WorkLinesBefore; k--)
        {
            var line = lines[k];
            if (line.Length > MaxAnswerChars || line.AsSpan().IndexOfAny(Digits) < 0)
            {
                continue;
            }

            seen++;
            var text = k == index ? WithoutTags(line) : line;
            if (WorkedTo(text, value, names, ownLine: k == index) is { } work)
            {
                return work;
            }

            if (ListedSum(text, value) is { } sum)
            {
                return sum;
            }

            if (k > 0 && WorkAbove(lines[k - 1], text, value, names) is { } above)
            {
                return above;
            }

            // "The final values of n_0, n_1 and n_2 are 3, -1 and 5." over "Therefore, the output is 7.": a sum over
            // a listed set of values (ruling 5).
            if (k < index && text.AsSpan().Count(',') >= 2 && ListedValues().Match(text) is { Success: true } listed)
            {
                return listed.Value;
            }
        }

        // Only then, for "return 1035", a return line right above that adds numbers alone; in a longer chain of return
        // lines ("return sum([...])", "return -11 - 19 + ...", "return 1024 + 1024 - 90", "return 1968") the listed sum
        // found above is the answer's work, not the last regrouping.
        if (!ReturnedText(lines[index]).IsEmpty)
        {
            for (var k = index - 1; k >= 0; k--)
            {
                if (lines[k].AsSpan().IndexOfAny(Digits) >= 0)
                {
                    if (lines[k].Length <= MaxAnswerChars && ReturnedAddition(lines[k]) is { } returned)
                    {
                        return returned;
                    }

                    break;
                }
            }
        }

        // "<result>-3</result>" then "The final result is the sum of the variables, which is:" and "7 + 0 - 5 = -3".
        var after = index + 1;
        while (after < lines.Count && lines[after].AsSpan().IndexOfAny(Digits) < 0)
        {
            after++;
        }

        return after < lines.Count ? WorkedTo(lines[after], value, names, ownLine: false) : null;
    }

    // The work of a line that works an addition out to the answer's value, or null. "n_2 = 5 + 2 = 7", "n_0 becomes
    // 2 + 1 = 3": another line about a variable is a step's computation, not the answer's, even when its value is the
    // answer's; "sum([n_0, n_1]) = sum([-1, 4]) = 3" names them as the return sum's operands.
    private static string? WorkedTo(string line, ParsedValue value, NameRules names, bool ownLine)
    {
        if (line.Length > MaxAnswerChars || !EndsWithValue(line, value)
            || WorkIn(line, names, out var worked, out var tokens) is not { } work || worked.Text != value.Text)
        {
            return null;
        }

        var aboutAStep = !ownLine && !SumWords.Any(word => line.Contains(word, StringComparison.OrdinalIgnoreCase))
            && tokens.Exists(token => token.Kind == TokenKind.Name);
        return aboutAStep ? null : work;
    }

    // "result = -1 + 1024 + -9 + 20" over "result = 2084", or "= 3 + 18 - 54" over "= 47": the same left side (or none)
    // given its value on the next line, so the line above is the value's work (llama3-70b/complexity-redundant-cot/286,
    // holdout35). Only a left side that names no variable of the program ("result", "total"): a variable's two lines are
    // its step.
    private static string? WorkAbove(string above, string line, ParsedValue value, NameRules names)
    {
        var equals = line.IndexOf('=');
        if (equals < 0 || !EndsWithValue(line, value) || line.AsSpan(equals + 1).Trim(" `*$").Length != value.Text.Length)
        {
            return null;
        }

        var side = line.AsSpan(0, equals).Trim(" `*$");
        var aboveEquals = above.IndexOf('=');
        if (aboveEquals < 0 || !above.AsSpan(0, aboveEquals).Trim(" `*$").SequenceEqual(side)
            || Tokenizer.Tokenize(side.ToString(), names).Exists(token => token.Kind == TokenKind.Name)
            || WorkIn(above[(aboveEquals + 1)..] + " = " + value.Text, names, out _, out var tokens) is not { } work
            || tokens.Exists(token => token.Kind == TokenKind.Name))
        {
            return null;
        }

        return work;
    }

    // Words that make a line about variables the answer's sum ("the sum of n_0, n_1 and n_2 is -1 + 3 + 3 = 5",
    // "Adding up the final values of n_0 through n_7, we get ...").
    private static readonly string[] SumWords = ["sum", "add", "total"];

    [GeneratedRegex(@"-?\d+(?:\s*,\s*(?:and\s+)?-?\d+){2,}")]
    private static partial Regex ListedValues();

    // Whether the text after the line's last '=' starts with the value as written: most lines near an answer fail this
    // test, and it costs no tokens.
    private static bool EndsWithValue(string line, ParsedValue value)
    {
        var equals = line.LastIndexOf('=');
        if (equals < 0)
        {
            return false;
        }

        // A unicode minus or space reads as the value only once normalized: the full test decides.
        return !System.Text.Ascii.IsValid(line) || line.AsSpan(equals + 1).TrimStart(" `*$(").StartsWith(value.Text, StringComparison.Ordinal);
    }

    private static string WithoutTags(string line) => TagMarkup().Replace(line, " ");

    [GeneratedRegex(@"</?[A-Za-z_]+>")]
    private static partial Regex TagMarkup();

    private static readonly System.Buffers.SearchValues<char> ListedSumCharacters = System.Buffers.SearchValues.Create("0123456789-+, ");
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    // "sum([11, 9, 0, -1])": the return sum over two or more listed numbers, added up rightly or not (ruling 5: a misadded
    // sum is the answer's arithmetic). A list of one number is that number, an answer of its own (ruling 8): it is the
    // work only of an answer with its value, not of a bare "13" after "return sum([3])".
    private static string? ListedSum(string line, ParsedValue value)
    {
        var at = line.IndexOf("sum([", StringComparison.OrdinalIgnoreCase);
        var close = at < 0 ? -1 : line.IndexOf("])", at, StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var inner = line.AsSpan(at + 5, close - at - 5);
        if (inner.IndexOfAnyExcept(ListedSumCharacters) >= 0 || inner.IndexOfAny(Digits) < 0 || value.Int64 is not { } answer)
        {
            return null;
        }

        if (inner.Contains(','))
        {
            return line[at..(close + 2)];
        }

        return long.TryParse(inner.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var lone) && lone == answer
            ? line[at..(close + 2)]
            : null;
    }

    // "return 20 + (-20) + 1024 + 9" over "return 1035": the return line above adds numbers alone, the answer's sum shown
    // in two steps (holdout69 llama3-70b/complexity-redundant-cot/564: a misadded sum its reader counts as an arithmetic
    // error, a readout error while the sum went unseen).
    private static string? ReturnedAddition(string line)
    {
        var sum = ReturnedText(line);
        if (sum.IsEmpty)
        {
            return null;
        }

        var numbers = 0;
        var inNumber = false;
        foreach (var c in sum)
        {
            if (c is >= '0' and <= '9')
            {
                numbers += inNumber ? 0 : 1;
                inNumber = true;
                continue;
            }

            inNumber = false;
            if (c is not (' ' or '+' or '-' or '(' or ')'))
            {
                return null;
            }
        }

        return numbers >= 2 ? sum.ToString() : null;
    }

    // What a return line ("return 1035", "- `return 20 + (-20)`", past bullets and code marks) returns; empty for any
    // other line.
    private static ReadOnlySpan<char> ReturnedText(string line)
    {
        var text = line.AsSpan().Trim(" \t*-`");
        return text.StartsWith("return ", StringComparison.Ordinal) ? text["return ".Length..].Trim(" `") : [];
    }

    /// <summary>
    /// The computation an answer shows before its value ("3 + (-1) + 6 = 8" in "Final result: 3 + (-1) + 6 = 8",
    /// "sum([2, 6]) = 8" in a tag), as a prose answer's work is read; null when the value stands alone.
    /// </summary>
    private static string? WorkIn(string content, NameRules names) => WorkIn(content, names, out _, out _);

    private static string? WorkIn(string content, NameRules names, out ParsedValue worked, out List<Token> tokens)
    {
        worked = default;
        tokens = [];
        if (content.Length > MaxAnswerChars || !content.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        var text = LineNormalizer.Normalize(content);
        tokens = Tokenizer.Tokenize(text, names);
        var assign = tokens.FindLastIndex(token => token.Kind == TokenKind.Assign);
        if (assign < 1 || assign + 1 >= tokens.Count || tokens[assign + 1].Kind != TokenKind.Number)
        {
            return null;
        }

        worked = tokens[assign + 1].Number;

        var start = assign;
        var operators = 0;
        while (start > 0 && (tokens[start - 1].Kind is TokenKind.Number or TokenKind.Operator or TokenKind.Comma or TokenKind.Name or TokenKind.Assign
            || tokens[start - 1].IsWord("sum")))
        {
            start--;
            operators += tokens[start].IsBinaryOperator || tokens[start].IsWord("sum") ? 1 : 0;
        }

        return operators > 0 ? TokenText.Slice(text, tokens, start, assign) : null;
    }

    // "Function 1:", "Step 2:" as the whole of the rest: a word, its number, and a colon that ends the content.
    private static bool IsHeadingNumber(List<Token> tokens, int at) =>
        at >= 1 && at + 2 == tokens.Count
        && tokens[at + 1].Kind == TokenKind.Colon
        && tokens[at - 1].Kind is TokenKind.Word or TokenKind.Name;

    // The lone argument of a call of a function: "f(10)", "simulate(3)", but not "print(5)"; or one passed by name:
    // "<result>Python function f(n=10):</result>" (llama2-70b/complexity-redundant-cot/23, holdout56) names the input.
    private static bool IsCallArgument(List<Token> tokens, int at)
    {
        // The parenthesis the argument follows: right before it, or before "n=" when it is passed by name.
        var open = at >= 2 && tokens[at - 1].Kind == TokenKind.Assign && tokens[at - 2].Kind is TokenKind.Word or TokenKind.Name ? at - 3 : at - 1;
        return open >= 1 && at + 1 < tokens.Count
            && tokens[open].IsOperator("(") && tokens[at + 1].IsOperator(")")
            && tokens[open - 1].Kind is TokenKind.Word or TokenKind.Name
            && !Reading.Lexicon.ValueWrappers.Contains(tokens[open - 1].Text);
    }

    private static string Bound(string text) => text.Length <= MaxAnswerChars ? text : text[..MaxAnswerChars] + "...";
}
