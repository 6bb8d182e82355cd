namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>A name with a bare value, as snapshots, echoes and readouts list them: <c>n_0 = 1</c>, <c>a2: -7</c>, "n_1 is 0".</summary>
internal readonly record struct Pair(string Name, ParsedValue Value, int From, int To);

internal static class Pairs
{
    /// <summary>
    /// A pair starting at <paramref name="at"/>: a name, <c>=</c> <c>:</c> an arrow or "is", and a number that nothing
    /// continues (<c>(-1)</c> and <c>`-1`</c> too), before <paramref name="end"/>.
    /// </summary>
    public static Pair? At(List<Token> tokens, int at, int end, bool wordOperators = true)
    {
        if (at + 2 >= end || tokens[at].Kind != TokenKind.Name)
        {
            return null;
        }

        var valueAt = IsLink(tokens[at + 1], wordOperators) ? NumberAfterParentheses(tokens, at + 2, end) : -1;
        if (valueAt < 0)
        {
            return null;
        }

        // As many closing parentheses as opened before the number ("(-1)").
        var open = valueAt - (at + 2);
        var after = valueAt + 1;
        while (open > 0 && after < end && tokens[after].IsOperator(")"))
        {
            after++;
            open--;
        }

        if (open > 0 || !EndsPair(tokens, after, end))
        {
            return null;
        }

        return new Pair(tokens[at].Text, tokens[valueAt].Number, at, after);
    }

    /// <summary>What joins a pair's name to its value: <c>=</c>, <c>:</c>, an arrow, or (with word operators) "is".</summary>
    public static bool IsLink(Token token, bool wordOperators = true) =>
        token.Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow || (wordOperators && token.IsWord("is"));

    /// <summary>The index of the number at <paramref name="from"/> past any opening parentheses (<c>(-1)</c>), or -1.</summary>
    public static int NumberAfterParentheses(List<Token> tokens, int from, int end)
    {
        var at = from;
        while (at < end && tokens[at].IsOperator("("))
        {
            at++;
        }

        return at < end && tokens[at].Kind == TokenKind.Number ? at : -1;
    }

    /// <summary>Whether a pair may end before <paramref name="at"/>: the end, a separator, "and", a remark in parentheses, or the next name.</summary>
    public static bool EndsPair(List<Token> tokens, int at, int end)
    {
        if (at >= end)
        {
            return true;
        }

        var next = tokens[at];
        return next.Kind switch
        {
            TokenKind.Comma or TokenKind.Semicolon or TokenKind.Other => true,
            // "s5 = 2n_0 = 2": a name written onto the number is its factor, not the next pair's.
            TokenKind.Name => !(tokens[at - 1].Kind == TokenKind.Number && tokens[at - 1].End == next.Start),
            TokenKind.Operator => next.Text is "(" or ")" or "]" or "|",
            TokenKind.Word => !next.In(WordLists.Operator),
            _ => false,
        };
    }

    /// <summary>
    /// The index after a run of names joined by commas and "and" from <paramref name="at"/> ("n_0, n_1 and n_2"), with
    /// how many names the run holds.
    /// </summary>
    public static int NameList(List<Token> tokens, int at, int end, out int names)
    {
        names = 0;
        while (at < end && (tokens[at].Kind is TokenKind.Name or TokenKind.Comma || tokens[at].IsWord("and")))
        {
            names += tokens[at].Kind == TokenKind.Name ? 1 : 0;
            at++;
        }

        return at;
    }

    /// <summary>The index after separators ("," ";" "and" "&amp;") at <paramref name="at"/>.</summary>
    public static int SkipSeparators(List<Token> tokens, int at, int end)
    {
        while (at < end && (tokens[at].Kind is TokenKind.Comma or TokenKind.Semicolon || tokens[at].IsWord("and") || tokens[at].IsOperator("&")))
        {
            at++;
        }

        return at;
    }
}
