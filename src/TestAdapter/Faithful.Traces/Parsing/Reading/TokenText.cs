namespace Faithful.Traces.Parsing.Reading;

/// <summary>Questions about runs of tokens that several recognisers ask: where a value is, what is work, what is a name.</summary>
internal static class TokenText
{
    /// <summary>A character of a word or name in raw text: a letter, a digit or '_' (where a name like n_0 starts or stops).</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>A lone value and where the part holding it starts.</summary>
    public readonly record struct Found(ParsedValue Value, int PartStart, int At);

    /// <summary>Whether the value at <paramref name="at"/> is given to the asked input ("... of n_3 for n=3"), not to a name before it.</summary>
    public static bool AssignsInput(LineContext line, int at) =>
        at >= 2 && line.Tokens[at - 1].Kind == TokenKind.Assign && line.Knowledge.Asked is { } input && line.Tokens[at - 2].Text == input.Name;

    /// <summary>
    /// Splits tokens [from, end) at assignments, arrows, colons and result words, and returns the first part that is a lone
    /// number (a number not continued by an operator), with where that part starts.
    /// </summary>
    public static Found? FirstLoneValue(List<Token> tokens, int from, int end)
    {
        var partStart = from;
        for (var i = from; i <= end; i++)
        {
            var boundary = i == end
                || tokens[i].Kind is TokenKind.Assign or TokenKind.Arrow or TokenKind.Colon
                || (tokens[i].Kind == TokenKind.Word && tokens[i].In(WordLists.Result));
            if (!boundary)
            {
                continue;
            }

            if (partStart < i)
            {
                var first = partStart;
                while (first < i && (tokens[first].IsOperator("(") || (tokens[first].Kind == TokenKind.Word && tokens[first].In(WordLists.ValueFiller))))
                {
                    first++;
                }

                if (first < i && IsLoneNumber(tokens, first, i))
                {
                    return new Found(tokens[first].Number, partStart, first);
                }
            }

            partStart = i + 1;
        }

        return null;
    }

    /// <summary>
    /// "1 - 162 = -161" from <paramref name="at"/>: two or more work tokens (<see cref="IsWorkToken"/>), then <c>=</c>; the
    /// index of the token after it (where the value should be), or null.
    /// </summary>
    public static int? WorkedValue(List<Token> tokens, int at, int end)
    {
        var i = at;
        while (i < end && IsWorkToken(tokens[i]))
        {
            i++;
        }

        return i > at + 1 && i + 1 < end && tokens[i].Kind == TokenKind.Assign ? i + 1 : null;
    }

    /// <summary>A number or an operator other than a bracket: what arithmetic work is written with.</summary>
    public static bool IsWorkToken(Token token) => token.Kind == TokenKind.Number || (token.Kind == TokenKind.Operator && token.Text is not ("[" or "]"));

    /// <summary>A number at <paramref name="at"/> that no operator continues ("7", "(7)", "7 (since ...)", not "7 * 3").</summary>
    public static bool IsLoneNumber(List<Token> tokens, int at, int end)
    {
        if (tokens[at].Kind != TokenKind.Number)
        {
            return false;
        }

        // "2n", "3x": a number written against a name multiplies it; so does one against a parenthesis, "-2(10)".
        if (at + 1 < end && (tokens[at + 1].Kind is TokenKind.Word or TokenKind.Name || tokens[at + 1].IsOperator("(")) && tokens[at + 1].Start == tokens[at].End)
        {
            return false;
        }

        // Closing parentheses may follow ("(7)"); an operator after them continues an expression ("(14) / (4").
        var next = at + 1;
        while (next < end && (tokens[next].IsOperator(")") || tokens[next].IsOperator("]")))
        {
            next++;
        }

        if (next >= end)
        {
            return true;
        }

        return tokens[next].Kind switch
        {
            TokenKind.Number => false,
            TokenKind.Operator => tokens[next].Text == "(",
            TokenKind.Word => !tokens[next].In(WordLists.Operator),
            _ => true,
        };
    }

    public static bool IsFormatPlaceholder(List<Token> tokens, int from, int end) =>
        end - from >= 3 && tokens[from].IsOperator("<") && tokens[from + 1].Kind is TokenKind.Word or TokenKind.Name && tokens[from + 2].IsOperator(">");

    public static bool HasKind(List<Token> tokens, int from, int end, TokenKind kind)
    {
        for (var i = from; i < end; i++)
        {
            if (tokens[i].Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasName(List<Token> tokens, int from, int end) => HasKind(tokens, from, end, TokenKind.Name);

    public static bool HasNumber(List<Token> tokens, int from, int end) => HasKind(tokens, from, end, TokenKind.Number);

    public static bool HasOperator(List<Token> tokens, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (tokens[i].IsBinaryOperator || tokens[i].Kind is TokenKind.Assign or TokenKind.CompoundAssign or TokenKind.IncrementOrDecrement)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the '=' at <paramref name="assign"/> gives a name its value right after a word that introduces an input
    /// ("for n=10", "when n = 3"): the input a sentence names, not a value it states.
    /// </summary>
    public static bool GivesInputAt(List<Token> tokens, int assign) =>
        assign >= 2 && tokens[assign].Kind == TokenKind.Assign && tokens[assign - 1].Kind is TokenKind.Word or TokenKind.Name
        && tokens[assign - 2].Kind == TokenKind.Word && AskedInput.IsIntroducer(tokens[assign - 2].Text);

    /// <summary>
    /// Whether token <paramref name="at"/> lies inside a parenthesis opened after <paramref name="from"/> that gives a
    /// reason ("(since ...", "(because ...", "(as ..."), still open at it: what is said there explains, it does not state
    /// the value.
    /// </summary>
    public static bool InReasonRemark(List<Token> tokens, int from, int at)
    {
        var depth = 0;
        for (var k = at - 1; k >= from; k--)
        {
            if (tokens[k].IsOperator(")"))
            {
                depth++;
            }
            else if (tokens[k].IsOperator("("))
            {
                if (depth == 0)
                {
                    return k + 1 < at && (tokens[k + 1].IsWord("since") || tokens[k + 1].IsWord("because") || tokens[k + 1].IsWord("as"));
                }

                depth--;
            }
        }

        return false;
    }

    /// <summary>The text of tokens [from, to), trimmed of separators; null when empty.</summary>
    public static string? Slice(string text, List<Token> tokens, int from, int to)
    {
        if (from >= to || from >= tokens.Count)
        {
            return null;
        }

        var sliceEnd = tokens[Math.Min(to, tokens.Count) - 1].End;
        var start = tokens[from].Start;
        var trimmed = Trimmed(text.AsSpan(start, sliceEnd - start));
        return trimmed.IsEmpty ? null : trimmed.ToString();
    }

    /// <summary>Words and marks that join work to what follows it, trimmed off the end of work ("7 - 2 which").</summary>
    internal static readonly string[] TrailingFillers = [" which", " that", " so", ",", " and", " resulting in", " giving", " making it", " making"];

    public static string? TrimSeparators(string? work)
    {
        if (work is null)
        {
            return null;
        }

        // Trimmed on a span and copied once (or not at all when nothing was trimmed).
        var trimmed = Trimmed(work);
        return trimmed.IsEmpty ? null : trimmed.Length == work.Length ? work : trimmed.ToString();
    }

    private static ReadOnlySpan<char> Trimmed(ReadOnlySpan<char> work)
    {
        var trimmed = work.Trim().TrimEnd("=,;:.").TrimEnd();
        if (trimmed.EndsWith("->", StringComparison.Ordinal) || trimmed.EndsWith("=>", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^2].TrimEnd();
        }

        foreach (var filler in TrailingFillers)
        {
            // Work mostly ends in a digit or a parenthesis: an ASCII last character that is not the filler's own (in any
            // case) rules the filler out without a comparison. Other characters are left to the comparison.
            if (trimmed.IsEmpty || (trimmed[^1] < 128 && char.ToLowerInvariant(trimmed[^1]) != filler[^1]))
            {
                continue;
            }

            if (trimmed.EndsWith(filler, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^filler.Length].TrimEnd();
            }
        }

        return trimmed;
    }

    /// <summary>Splits a line into code and a trailing <c>//</c> or <c>#</c> comment.</summary>
    public static (string Code, string? Comment) SplitComment(string text)
    {
        for (var i = 1; i + 1 < text.Length; i++)
        {
            // Most lines hold neither mark: jump to the next one (the last character cannot start a mark).
            var next = text.AsSpan(i, text.Length - 1 - i).IndexOfAny('/', '#');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] == '/' && text[i + 1] == '/' && text[i - 1] != ':')
            {
                return (text[..i], text[(i + 2)..]);
            }

            if (text[i] == '#' && char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || !NumberReader.IsDigit(text[i + 1])))
            {
                return (text[..i], text[(i + 1)..]);
            }
        }

        return (text, null);
    }

    public static string Bound(string text, int length = 80) => text.Length <= length ? text : text[..length] + "...";
}
