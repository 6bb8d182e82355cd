using System.Globalization;
using Faithful.Analyzers.Extraction;

namespace Faithful.SourcePrograms.Limits;

/// <summary>
/// A single pass over raw text, before Roslyn sees it: bracket nesting (the parser recurses on it without a guard) and,
/// for one program's text, the number of terms. Comments and string or character literals are skipped.
/// </summary>
internal static class LexicalPreCheck
{
    /// <summary>The first limit the text breaks, with its zero-based offset; null when it keeps them all.</summary>
    public static (int Offset, ProblemKind Kind, string Message)? Check(string text, ProgramReadLimits limits, bool countTerms)
    {
        var depth = 0;
        var terms = 0;
        var firstTooDeep = -1;
        var maxDepth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = SkipTo(text, i + 2, '\n');
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                continue;
            }

            if (c is '"' or '\'')
            {
                i = SkipLiteral(text, i, verbatim: i > 0 && text[i - 1] == '@');
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
                if (depth > maxDepth)
                {
                    maxDepth = depth;
                    if (depth > limits.MaxBracketDepth && firstTooDeep < 0)
                    {
                        firstTooDeep = i;
                    }
                }
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (IsWordChar(c) && (i == 0 || !IsWordChar(text[i - 1])))
            {
                terms++;
            }

            i++;
        }

        if (firstTooDeep >= 0)
        {
            return (firstTooDeep, ProblemKind.UnsupportedExpression, string.Create(
                CultureInfo.InvariantCulture,
                $"The text nests brackets {maxDepth} deep; at most {limits.MaxBracketDepth} levels are read. Split the expression or loop nest into several steps."));
        }

        if (countTerms && terms > limits.MaxTerms)
        {
            return (0, ProblemKind.UnsupportedExpression, string.Create(
                CultureInfo.InvariantCulture,
                $"The program holds {terms} terms (names and numbers); at most {limits.MaxTerms} are read. A program this large cannot be traced step by step; split it."));
        }

        return null;
    }

    /// <summary>One-based line and column of a zero-based offset.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '@';

    private static int SkipTo(string text, int start, char stop)
    {
        var end = text.IndexOf(stop, start);
        return end < 0 ? text.Length : end + 1;
    }

    private static int SkipLiteral(string text, int start, bool verbatim)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && !verbatim)
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                if (verbatim && i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            // An unterminated literal ends at the line; the parser reports it.
            if (c == '\n' && !verbatim)
            {
                return i + 1;
            }

            i++;
        }

        return text.Length;
    }
}
