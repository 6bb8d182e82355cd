namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// Successive values of one variable in one sentence, an execution each: "n_0 becomes 1, then 2, and finally 3",
/// <c>n_0 = 1, 3, 5</c>, <c>n_0: -1 -> -2 -> -3</c>, "n_0 goes 1, 2, 3".
/// </summary>
internal static class ValueListRecogniser
{
    // One item of the list: a bare value ("3") or work and its value ("0 - 2 = -2"); the index of the value.
    private static (int Value, int Start)? Item(List<Token> tokens, int at, int end)
    {
        if (tokens[at].Kind == TokenKind.Number && TokenText.IsLoneNumber(tokens, at, end))
        {
            return (at, at);
        }

        return TokenText.WorkedValue(tokens, at, end) is { } value && TokenText.IsLoneNumber(tokens, value, end) ? (value, at) : null;
    }

    [ThreadStatic]
    private static List<ParsedValue>? ScratchValues;

    private static readonly HashSet<string> MakingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "making", "makes", "make", "leaving", "leaves", "bringing", "brings", "turning", "turns", "taking", "takes",
    };

    /// <summary>
    /// Whether <see cref="Propose"/> can read anything from the line: a list has at least two values, with a comma, an
    /// arrow, a semicolon or a joining word ("then") between them.
    /// </summary>
    /// <remarks>
    /// Every list's first value is a number token with separators right after it and then the start of a second item (a
    /// lone number or work, which starts with a <see cref="TokenText.IsWorkToken"/>), so a line without that run (prose:
    /// "First, s1 becomes 7 * 2 = 14. Then, ...", or <c>s3 = s2 + 4 -> s3 = 17</c>) is passed over after one look at
    /// its tokens.
    /// </remarks>
    public static bool MayPropose(LineContext line) =>
        (line.Has(TokenKind.Comma) || line.Has(TokenKind.Arrow) || line.Has(TokenKind.Semicolon) || (line.WordTags & WordTags.ListJoiner) != 0)
        && HasSeparatedValues(line.Tokens);

    private static bool HasSeparatedValues(List<Token> tokens)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Number)
            {
                continue;
            }

            // "3 after the second iteration, 5 after the third": a pass phrase ("after" is a joining word) may follow a value.
            var after = tokens[i + 1].In(WordLists.ListJoiner) || tokens[i + 1].IsWord("in") ? PassPhraseEnd(tokens, i + 1, tokens.Count, out _) : i + 1;
            if (after >= tokens.Count || !IsSeparator(tokens[after]))
            {
                continue;
            }

            var next = after + 1;
            while (next < tokens.Count && IsSeparator(tokens[next]))
            {
                next++;
            }

            if (next < tokens.Count && TokenText.IsWorkToken(tokens[next]))
            {
                return true;
            }
        }

        return false;
    }

    // The end of "after the second [iteration]" or "in the second [iteration]" from `at` (its ordinal, 1-based, in
    // `ordinal`), or `at` when none starts there (values each said "in" their pass, in order: llama3-70b/complexity-cot/309,
    // holdout44, read as one loop-end value).
    // "1 again in the third iteration" says the pass too (llama3-70b/complexity-cot/610, holdout49: its third value was lost).
    private static int PassPhraseEnd(List<Token> tokens, int at, int end, out int ordinal)
    {
        ordinal = 0;
        var from = at < end && tokens[at].IsWord("again") ? at + 1 : at;
        if (from + 2 >= end || !((tokens[from].In(WordLists.ListJoiner) && tokens[from].IsWord("after")) || tokens[from].IsWord("in")) || !tokens[from + 1].IsWord("the"))
        {
            return at;
        }

        var position = tokens[from + 2].Kind == TokenKind.Word ? Array.IndexOf(PassOrdinals, tokens[from + 2].Text.ToLowerInvariant()) : -1;
        if (position < 0)
        {
            return at;
        }

        ordinal = position + 1;
        var next = from + 3;
        return next < end && tokens[next].Kind == TokenKind.Word && PassWords.Contains(tokens[next].Text) ? next + 1 : next;
    }

    // "n_0 will be 0 after 3 iterations", "0 after 3*3*3 = 27 iterations": a number before a word for passes counts them;
    // it is no value of the list (gpt4/complexity-cot/615, holdout: read as n_0 = 3 after its 0, a wrong step where the
    // readers see none).
    private static bool CountsPasses(List<Token> tokens, int at, int end) =>
        tokens[at].Kind == TokenKind.Number && at + 1 < end && tokens[at + 1].Kind == TokenKind.Word && tokens[at + 1].In(WordLists.PassCount);

    private static readonly string[] PassOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    private static readonly HashSet<string> PassWords = new(StringComparer.OrdinalIgnoreCase) { "iteration", "pass", "round", "time", "loop", "cycle" };

    // What may come between two values of a list: a comma, an arrow, a semicolon or a joining word ("then").
    private static bool IsSeparator(Token token) =>
        token.Kind is TokenKind.Comma or TokenKind.Arrow or TokenKind.Semicolon || (token.Kind == TokenKind.Word && token.In(WordLists.ListJoiner));

    // Whether the list's last value is followed by an ellipsis ("2, 4, 6, 8, ..." or "2, 4, 6…"): a list left open.
    private static bool OpensPattern(string text, int after)
    {
        var i = after;
        while (i < text.Length && text[i] is ' ' or ',')
        {
            i++;
        }

        return (i + 2 < text.Length && text[i] == '.' && text[i + 1] == '.' && text[i + 2] == '.') || (i < text.Length && text[i] == '\u2026');
    }

    // The lone number that closes a list after its ellipsis (", ..., 17" then the list's end), or null: "2, 4, 6, ..., 2n"
    // ends in a formula, and "1, 2, 3, ... and so on" in no value.
    // The ellipsis's dots end a sentence, so the value after them is looked for past the list's own sentence.
    private static int? EndAfterEllipsis(LineContext line, int from)
    {
        var tokens = line.Tokens;
        var at = from;
        while (at < tokens.Count && (tokens[at].Kind == TokenKind.Comma || (tokens[at].Kind == TokenKind.Other && tokens[at].Text is "." or "\u2026")))
        {
            at++;
        }

        if (at >= tokens.Count || at == from)
        {
            return null;
        }

        var end = line.SentenceEnd(at);
        return tokens[at].Kind == TokenKind.Number && TokenText.IsLoneNumber(tokens, at, end) && EndsList(tokens, at + 1, end) ? at : null;
    }

    // Whether the list is over before `at`: the sentence ends, or words or a remark follow ("..., 17 after the 9
    // iterations", "..., 17 (9 times)"), not more arithmetic or another value.
    private static bool EndsList(List<Token> tokens, int at, int end) =>
        at >= end || tokens[at].Kind is TokenKind.Word or TokenKind.Comma or TokenKind.Semicolon || tokens[at].IsOperator("(");

    // "n_1 starts at -1 and goes down by 1 each pass, so it becomes -2, -3, -4": "it" is the one name its sentence gave
    // before it (llama2-70b/complexity-cot/748, holdout31); with none, or two, it names nothing.
    private static string? SubjectOf(LineContext line, int it)
    {
        var tokens = line.Tokens;
        string? subject = null;
        for (var i = line.Sentences.Count == 0 ? 0 : line.Sentences[line.SentenceOf(it)].From; i < it; i++)
        {
            if (tokens[i].Kind != TokenKind.Name)
            {
                continue;
            }

            if (subject is not null && subject != tokens[i].Text)
            {
                return null;
            }

            subject = tokens[i].Text;
        }

        return subject;
    }

    public static void Propose(LineContext line, Proposals proposals)
    {
        var tokens = line.Tokens;
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            var saidOfIt = tokens[i] is { Kind: TokenKind.Word, Text.Length: 2 } word && word.IsWord("it");
            var name = tokens[i].Kind == TokenKind.Name ? tokens[i].Text : saidOfIt ? SubjectOf(line, i) : null;
            if (name is null)
            {
                continue;
            }

            var end = line.SentenceEnd(i);
            var at = i + 1;

            // "'n_0' becomes 3 after the second iteration and 4 after the third": a quote closing the name links nothing.
            if (at < end && tokens[at].Kind == TokenKind.Other && tokens[at].Start == tokens[i].End && tokens[at].Text is "'" or "\"")
            {
                at++;
            }

            var linked = false;
            var reach = i + 4;
            long? announced = null;
            var fromStart = false;
            while (at < end && at < reach)
            {
                if (linked && announced is null && tokens[at].Kind == TokenKind.Number && at + 1 < end && tokens[at + 1].IsWord("times"))
                {
                    // "b changes 2 times: from 0 to 5, and then to 0": the count announces the list.
                    announced = tokens[at].Number.Int64 ?? -1;
                    at += 2;
                    reach += 2;
                    continue;
                }

                var isFrom = tokens[at].Kind == TokenKind.Word && tokens[at].IsWord("from");
                if (!(tokens[at].Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow || isFrom
                    || (tokens[at].Kind == TokenKind.Word && (tokens[at].In(WordLists.ListVerb | WordLists.ValueFiller) || tokens[at].IsWord("through")))))
                {
                    break;
                }

                fromStart |= isFrom;
                linked = true;
                at++;
            }

            // "..., making it 1*(-1)=-1, then (-1)*(-1)=1, and then ...": the verb before "it" links the list.
            linked |= saidOfIt && at == i + 1 && i > 0 && tokens[i - 1].Kind == TokenKind.Word && MakingVerbs.Contains(tokens[i - 1].Text);
            if (!linked)
            {
                continue;
            }

            // Most linked names hold one value, not a list: the values are gathered in a list reused on each thread.
            var values = ScratchValues ??= [];
            values.Clear();
            var last = -1;
            var pass = 0;
            while (at < end && Item(tokens, at, end) is { } item && !CountsPasses(tokens, item.Value, end))
            {
                // "-2 after the first iteration, -3 after the second, and -4 after the third": each value says its pass,
                // and the passes follow one another (gpt4/complexity-cot/624, holdout35: read as one loop-end value).
                var phraseEnd = PassPhraseEnd(tokens, item.Value + 1, end, out var ordinal);
                if (pass != 0 && (phraseEnd == item.Value + 1 || ordinal != pass + 1))
                {
                    break;
                }

                values.Add(tokens[item.Value].Number);
                pass = ordinal;
                last = phraseEnd - 1;
                at = phraseEnd;

                var separated = false;
                while (at < end && IsSeparator(tokens[at]))
                {
                    separated = true;
                    at++;
                }

                if (!separated)
                {
                    break;
                }
            }

            // "n_1 becomes 3, 5, 7, ..., 17 after the 9 iterations": the first values are steps, and the one after the
            // ellipsis is where the loop ends (a shortcut, right or wrong).
            var leftOpen = values.Count >= 2 && OpensPattern(line.Text, tokens[last].End);
            if (leftOpen && EndAfterEllipsis(line, last + 1) is { } final)
            {
                var walk = proposals.Add(ReadingKind.Execution, i, final + 1, (values.Count + 1) * ProposalScores.ListValue).OfSuccessiveSteps();
                foreach (var value in values)
                {
                    walk.With(new LineClaim(name, null, value, null));
                }

                walk.With(new LineClaim(name, null, tokens[final].Number, null, Shortcut: true));
                i = final;
                continue;
            }

            // A list after a count must show that many changes ("from 0 to 5, and then to 0" for 2);
            // "changes 8 times, from 0 to 5 and back" describes a pattern, not each change.
            if (announced is { } count && values.Count - (fromStart ? 1 : 0) != count)
            {
                continue;
            }

            // A list ends at a number nothing continues; "1, 2 * 3" or "1, then n_1 = 2" is something else.
            if (values.Count < 2 || (last + 1 < end && !Pairs.EndsPair(tokens, last + 1, end)) || (last + 1 < end && tokens[last + 1].Kind == TokenKind.Name))
            {
                continue;
            }

            if (leftOpen)
            {
                // "n_0 becomes -1, 1, -1, 1, ... (alternating)": a pattern that goes on describes the loop, it runs no step.
                // The cover holds the values so that no other reading takes one of them as a step.
                proposals.Add(ReadingKind.Chatter, i, last + 1, values.Count * ProposalScores.ListValue);
                i = last;
                continue;
            }

            var proposal = proposals.Add(ReadingKind.Execution, i, last + 1, values.Count * ProposalScores.ListValue).OfSuccessiveSteps();
            foreach (var value in values)
            {
                proposal.With(new LineClaim(name, null, value, null));
            }

            i = last;
        }
    }
}
