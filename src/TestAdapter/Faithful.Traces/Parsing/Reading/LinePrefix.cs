using System.Globalization;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Strips what precedes the content of a line: quote marks, headings, comment marks, bullets, numbered-list
/// numbers (<c>3.</c>, <c>3)</c>, <c>(3)</c>) and step labels (<c>Step 3:</c>, <c>Step 3 (s3):</c>).
/// </summary>
internal static class LinePrefix
{
    /// <summary>The content after the prefix, the number it gave, and whether that number is a list item's (<c>3.</c>) rather than a step label's.</summary>
    public readonly record struct Stripped(string Rest, int? StepNumber, string? NameHint, bool ListItem = false);

    public static Stripped Strip(string text)
    {
        int? stepNumber = null;
        string? nameHint = null;
        var listItem = false;
        var i = 0;
        for (var round = 0; round < 6; round++)
        {
            var before = i;
            i = SkipSpaces(text, i);
            i = SkipMarks(text, i);
            if (stepNumber is null && TryNumberedItem(text, i, out var number, out var afterNumber))
            {
                stepNumber = number;
                listItem = true;
                i = afterNumber;
            }
            else if (TryStepLabel(text, i, out number, out var hint, out afterNumber))
            {
                stepNumber = number;
                listItem = false;
                nameHint = hint;
                i = afterNumber;
            }

            if (i == before)
            {
                break;
            }
        }

        // "n_0 at step 1: n_0 * -1 = 1": the name before its step label reads as "n_0: ...". The label's number is not
        // kept: replies that write it count the initial value as step 0, where the program's steps start at 1.
        return NameAtStep(text, i) is { } rest
            ? new Stripped(rest, stepNumber, nameHint, listItem)
            : new Stripped(text[i..], stepNumber, nameHint, listItem);
    }

    private static readonly string[] StepLinks = [" at step ", " after step ", " at iteration ", " after iteration "];

    // "n_0 at step 2:" / "n_0 after iteration 2:" at i: the name and what follows the colon, joined by a colon; or null.
    private static string? NameAtStep(string text, int i)
    {
        var end = i;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        // Every link starts " a" ("at", "after"): most lines ("s1 = 5", "Let me ...") are passed over here.
        if (end == i || !char.IsAsciiLetter(text[i]) || end + 1 >= text.Length || text[end] != ' ' || (text[end + 1] | 0x20) != 'a')
        {
            return null;
        }

        foreach (var link in StepLinks)
        {
            if (string.Compare(text, end, link, 0, link.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var digits = end + link.Length;
            var j = DigitsEnd(text, digits);
            if (j == digits)
            {
                return null;
            }

            // "n_0 at step 1: ?" in a table to fill in states nothing.
            j = SkipSpaces(text, j);
            return j < text.Length && text[j] == ':' && text.AsSpan(j).IndexOfAnyInRange('0', '9') >= 0
                ? string.Concat(text.AsSpan(i, end - i), text.AsSpan(j))
                : null;
        }

        return null;
    }

    // The end of the digits at i, at most five of them (a list number or a step label, never a value).
    private static int DigitsEnd(string text, int i)
    {
        var end = i;
        while (end < text.Length && NumberReader.IsDigit(text[end]) && end - i < 5)
        {
            end++;
        }

        return end;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipMarks(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (c == '>' || c == '#' || c is '\u2022' or '\u2023' or '\u25E6' or '\u25AA' or '\u25CF')
            {
                i = SkipSpaces(text, i + 1);
            }
            else if (c is '-' or '*' or '+' && char.IsWhiteSpace(next))
            {
                i = SkipSpaces(text, i + 1);
            }
            else if (c == '/' && next == '/')
            {
                i = SkipSpaces(text, i + 2);
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // "3." "3)" "(3)" followed by a space; "3.5" is a number, not an item.
    private static bool TryNumberedItem(string text, int i, out int number, out int after)
    {
        number = 0;
        after = i;
        var open = i < text.Length && text[i] == '(';
        var start = open ? i + 1 : i;
        var end = DigitsEnd(text, start);
        if (end == start || end >= text.Length)
        {
            return false;
        }

        var closer = text[end];
        var valid = open ? closer == ')' : closer is '.' or ')';
        if (!valid || (end + 1 < text.Length && !char.IsWhiteSpace(text[end + 1])))
        {
            return false;
        }

        number = int.Parse(text.AsSpan(start, end - start), CultureInfo.InvariantCulture);
        after = SkipSpaces(text, end + 1);
        return true;
    }

    private static bool TryStepLabel(string text, int i, out int number, out string? nameHint, out int after)
    {
        number = 0;
        nameHint = null;
        after = i;
        if (i + 4 > text.Length || string.Compare(text, i, "step", 0, 4, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var j = SkipSpaces(text, i + 4);
        if (j < text.Length && text[j] == '#')
        {
            j++;
        }

        var digitsStart = j;
        j = DigitsEnd(text, j);

        if (j == digitsStart || (j < text.Length && char.IsLetterOrDigit(text[j])))
        {
            return false;
        }

        number = int.Parse(text.AsSpan(digitsStart, j - digitsStart), CultureInfo.InvariantCulture);
        j = SkipSpaces(text, j);

        // "Step 3 (s3):" names the step.
        if (j < text.Length && text[j] == '(')
        {
            var close = text.IndexOf(')', j);
            if (close > j + 1 && close - j < 40)
            {
                nameHint = text[(j + 1)..close].Trim();
                j = SkipSpaces(text, close + 1);
            }
        }

        if (j < text.Length && text[j] is ':' or '.' or ')' or '-' or ',')
        {
            j = SkipSpaces(text, j + 1);
        }

        after = j;
        return true;
    }
}
