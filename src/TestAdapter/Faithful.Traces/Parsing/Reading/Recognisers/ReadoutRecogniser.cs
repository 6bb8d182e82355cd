namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// Closing readouts: "so the value of a4 at the end is -5", "the final value of n_0 is 3", "n_1 ends at -8", lines under
/// "Final values:". A readout restates what the reply holds; one that states a new value is a shortcut (the document
/// pass decides), and one of the answer's variable is an answer candidate when the reply gives no answer.
/// </summary>
internal static class ReadoutRecogniser
{
    /// <summary>
    /// Whether <see cref="Propose"/> can read anything from the line: it reads only under a readout heading or in a
    /// sentence holding a readout cue, and the line's letters rule the cues out on most lines.
    /// </summary>
    public static bool MayPropose(LineContext line) => line.Section == LineSection.Readout || Lexicon.ReadoutCues.MayOccurIn(line.Letters);

    public static void Propose(LineContext line, Proposals proposals)
    {
        var tokens = line.Tokens;
        for (var s = 0; s < line.Sentences.Count; s++)
        {
            if (line.Section != LineSection.Readout && !line.SentenceHas(Lexicon.ReadoutCues, s))
            {
                continue;
            }

            var (from, to) = line.Sentences[s];
            for (var i = from; i < to; i++)
            {
                if (tokens[i].Kind != TokenKind.Name)
                {
                    continue;
                }

                if (BracketedWork(line, i, to, proposals) is { } bracketEnd)
                {
                    i = bracketEnd - 1;
                    continue;
                }

                if (ListedInOrder(line, i, to, proposals) is { } listEnd)
                {
                    i = listEnd - 1;
                    continue;
                }

                if (Pairs.At(tokens, i, to) is { } pair)
                {
                    proposals.Add(ReadingKind.Readout, pair.From, pair.To, ProposalScores.ReadoutPair)
                        .With(new LineClaim(pair.Name, null, pair.Value, null, ReadingKind.Readout));
                    i = pair.To - 1;
                    continue;
                }

                // "the final value of n_0 after the loop is -5", "n_1 ends up at -8": the name, words, then one value.
                if (ValueAfterWords(tokens, i + 1, to) is { } found && !TokenText.AssignsInput(line, found.At))
                {
                    var work = found.PartStart < found.At - 1 ? TokenText.Slice(line.Text, tokens, found.PartStart, found.At - 1) : null;
                    proposals.Add(ReadingKind.Readout, Math.Max(from, i - 4), found.At + 1, ProposalScores.ReadoutPair)
                        .With(new LineClaim(tokens[i].Text, null, found.Value, work, ReadingKind.Readout));
                    i = found.At;
                }
            }
        }
    }

    // "The final values of a and b are 4 and 9, respectively": two or more names joined by commas and "and", a few
    // words, then as many values joined the same way pair up in order. Returns the index after the last value, or null.
    private static int? ListedInOrder(LineContext line, int at, int to, Proposals proposals)
    {
        var tokens = line.Tokens;
        var i = Pairs.NameList(tokens, at, to, out var names);
        if (names < 2)
        {
            return null;
        }

        var words = 0;
        while (i < to && words < 4 && tokens[i].Kind is TokenKind.Word or TokenKind.Colon or TokenKind.Assign && !tokens[i].In(WordLists.OperationVerb | WordLists.Operator))
        {
            words++;
            i++;
        }

        var firstValue = i;
        var values = 0;
        while (i < to && values < names && (TokenText.IsLoneNumber(tokens, i, to) || (values > 0 && (tokens[i].Kind == TokenKind.Comma || tokens[i].IsWord("and")))))
        {
            values += tokens[i].Kind == TokenKind.Number ? 1 : 0;
            i++;
        }

        if (words == 0 || values != names || (i < to && tokens[i].Kind is TokenKind.Number or TokenKind.Operator && !tokens[i].IsOperator("(")))
        {
            return null;
        }

        var proposal = proposals.Add(ReadingKind.Readout, at, i, names * ProposalScores.ReadoutPair);
        var value = firstValue;
        for (var k = at; k < firstValue; k++)
        {
            if (tokens[k].Kind != TokenKind.Name)
            {
                continue;
            }

            while (tokens[value].Kind != TokenKind.Number)
            {
                value++;
            }

            proposal.With(new LineClaim(tokens[k].Text, null, tokens[value].Number, null, ReadingKind.Readout));
            value++;
        }

        return i;
    }

    // "then it returns the sum of [a], that is [2+2]": a bracketed list of names, a few words, then a
    // bracketed list of as many entries. An entry written as arithmetic computes its name's end value (a loop summed up,
    // rightly or not); a bare number in such a list executes nothing unless the sentence sums a loop up, so only worked
    // entries are read otherwise. Returns the index after the closing bracket, or null.
    private static int? BracketedWork(LineContext line, int at, int to, Proposals proposals)
    {
        var tokens = line.Tokens;
        if (at == 0 || !tokens[at - 1].IsOperator("["))
        {
            return null;
        }

        var i = Pairs.NameList(tokens, at, to, out var names);
        if (i >= to || !tokens[i].IsOperator("]"))
        {
            return null;
        }

        i++;
        var words = 0;
        while (i < to && words < 4 && (tokens[i].Kind is TokenKind.Word or TokenKind.Comma || tokens[i].Kind == TokenKind.Assign))
        {
            words += tokens[i].Kind == TokenKind.Comma ? 0 : 1;
            i++;
        }

        if (words == 0 || i >= to || !tokens[i].IsOperator("["))
        {
            return null;
        }

        var entries = new (int From, int To)[names];
        var entry = 0;
        var from = ++i;
        for (; i < to && !tokens[i].IsOperator("]"); i++)
        {
            if (tokens[i].Kind == TokenKind.Comma)
            {
                if (entry == names - 1)
                {
                    return null;
                }

                entries[entry++] = (from, i);
                from = i + 1;
            }
            else if (tokens[i].Kind is not (TokenKind.Number or TokenKind.Operator))
            {
                return null;
            }
        }

        if (i >= to || entry != names - 1)
        {
            return null;
        }

        entries[entry] = (from, i);
        var worked = 0;
        var bare = 0;
        var values = new long?[names];
        var works = new bool[names];

        // A loop told in words ("runs 3 times, adding 1 to a each time"), then "the sum of [a], that is [3]": after a loop
        // summed up in words the one bare entry of a one-name list states the loop's end too, as five readers of two
        // readings took it (docs/labels.md, "Bracketed readouts read again"). A list of several bare end values stays the
        // closing list the readers' convention makes a snapshot.
        var summarized = names == 1 && line.IsShortcutSentence(line.SentenceOf(at));
        for (var k = 0; k < names; k++)
        {
            var (first, last) = entries[k];
            if (last - first >= 3 && ArithmeticTokens.TryEvaluate(tokens, first, last, out var value))
            {
                values[k] = value;
                works[k] = true;
                worked++;
            }
            else if (summarized && last - first == 1 && tokens[first].Kind == TokenKind.Number && tokens[first].Number.Int64 is { } bareValue)
            {
                values[k] = bareValue;
                bare++;
                worked++;
            }
        }

        if (worked == 0)
        {
            return null;
        }

        // A bare entry that also answers ("it will return the sum of [n_0], which is [3]") keeps the answer with the claim:
        // one reading for both, over the answer alone.
        var sentenceFrom = line.Sentences[line.SentenceOf(at)].From;
        var subject = bare == worked && (line.WordTags & WordTags.AnswerSubject) != 0 ? ProseAnswerRecogniser.SubjectAt(line, sentenceFrom, at) : -1;
        var proposal = subject >= 0 && values[0] is { } answered
            ? proposals.Add(ReadingKind.Readout, subject, i + 1, ProposalScores.Answer + worked * ProposalScores.ReadoutPair)
                .WithAnswer(new ProseAnswer(ParsedValue.FromInt64(answered), null, line.Text[tokens[sentenceFrom].Start..tokens[i].End],
                    ProseAnswerRecogniser.IsStrongSubject(tokens[subject])))
            : proposals.Add(ReadingKind.Readout, at, i + 1, worked * ProposalScores.ReadoutPair);
        var name = at;
        for (var k = 0; k < names; k++, name++)
        {
            while (tokens[name].Kind != TokenKind.Name)
            {
                name++;
            }

            if (values[k] is { } computed)
            {
                var work = works[k] ? TokenText.Slice(line.Text, tokens, entries[k].From, entries[k].To) : null;
                proposal.With(new LineClaim(tokens[name].Text, null, ParsedValue.FromInt64(computed), work, ReadingKind.Readout));
            }
        }

        return i + 1;
    }

    private static TokenText.Found? ValueAfterWords(List<Token> tokens, int from, int to)
    {
        var i = from;
        var words = 0;
        while (i < to && words < 8 && (tokens[i].Kind is TokenKind.Word or TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow || tokens[i].IsOperator("(")))
        {
            if (tokens[i].Kind == TokenKind.Word && (tokens[i].In(WordLists.OperationVerb | WordLists.Operator) || tokens[i].In(WordLists.BlockingPreposition) && tokens[i].Text.ToLowerInvariant() is "by" or "plus" or "minus" or "times"))
            {
                return null;
            }

            // "(n_1 alternates between -1 and 1, but ends up as 1)": the numbers after "between" bound a range the loop
            // moves in; the readout is the value after "ends up as" (llama3-70b/complexity-code/48, holdout).
            if (tokens[i].IsWord("between"))
            {
                return null;
            }

            words++;
            i++;
        }

        if (i >= to || words == 0)
        {
            return null;
        }

        if (TokenText.IsLoneNumber(tokens, i, to))
        {
            return new TokenText.Found(tokens[i].Number, from, i);
        }

        // "... will be 1 + 2*3 = 7": the work, then the value.
        var at = i;
        while (at < to && (tokens[at].Kind is TokenKind.Number || tokens[at].Kind == TokenKind.Operator))
        {
            at++;
        }

        return at > i && at + 1 < to && tokens[at].Kind == TokenKind.Assign && TokenText.IsLoneNumber(tokens, at + 1, to)
            ? new TokenText.Found(tokens[at + 1].Number, i, at + 1)
            : null;
    }
}
