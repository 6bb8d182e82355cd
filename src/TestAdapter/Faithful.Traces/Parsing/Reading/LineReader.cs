using Faithful.Traces.Parsing.Reading.Recognisers;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Reads one normalized line: every recogniser proposes scored readings for spans of it, the line keeps the best
/// non-overlapping cover (<see cref="LineCover"/>), and executions in a sentence that summarizes a loop are marked as
/// shortcuts. A trailing <c>//</c> or <c>#</c> comment is read too, and may give a statement its value.
/// </summary>
internal static class LineReader
{
    /// <remarks>The reading returned is reused by the next call on the same thread: consume it before reading another line.</remarks>
    public static LineReading Read(string text, int? stepNumber, string? nameHint, NameRules names, LineSection section, ReaderKnowledge knowledge, bool stepLabel = true)
    {
        var reading = (ScratchReading ??= new()).Cleared();
        var (code, comment) = TokenText.SplitComment(text);
        var line = (ScratchLine ??= new LineContext("", null, null, names, section, knowledge)).Reload(code, stepNumber, nameHint, names, section, knowledge, stepLabel, ScratchTokens ??= new(64));
        ReadInto(line, reading);
        reading.MentionsNameAndNumber = line.Has(TokenKind.Name) && line.Has(TokenKind.Number);
        // A line that describes an update with a count may read its own result out too: flips counted "nine times", then
        // the values in parentheses, sum the loops up; it is no closing list of values never computed (holdout68
        // gpt4/complexity-cot/489, whose reader counts the wrong n_1 as a loop's end).
        if (reading.MentionsNameAndNumber && reading.Pending is null && (reading.Claims.Count == 0 || OnlyReadouts(reading.Claims)))
        {
            AddDescribedNames(line, reading.Described);
        }

        if (comment is null)
        {
            return reading;
        }

        var commentLine = (ScratchCommentLine ??= new LineContext("", null, null, names, section, knowledge)).Reload(comment, stepNumber, nameHint, names, section, knowledge, stepLabel, ScratchCommentTokens ??= new(16));
        var commentReading = (ScratchCommentReading ??= new()).Cleared();
        ReadInto(commentLine, commentReading);
        if (commentReading.Claims.Count > 0)
        {
            reading.Claims.AddRange(commentReading.Claims);
            reading.Kinds.AddRange(commentReading.Kinds);
            if (reading.Pending is { } statement && HasClaimFor(commentReading.Claims, statement.Name))
            {
                reading.Pending = null;
            }
        }
        else if (reading.Pending is { } statement && TokenText.FirstLoneValue(commentLine.Tokens, 0, commentLine.Tokens.Count) is { } value)
        {
            // "a3 += a2; // 9" or "a3 += a2  # -> 9": the comment gives the statement's value.
            reading.Claims.Add(new LineClaim(statement.Name, statement.StepNumber ?? stepNumber, value.Value, statement.Work));
            reading.Kinds.Add(ReadingKind.Execution);
            reading.Pending = null;
        }

        reading.Answers.AddRange(commentReading.Answers);
        return reading;
    }

    private static bool OnlyReadouts(List<LineClaim> claims)
    {
        foreach (var claim in claims)
        {
            if (claim.Kind != ReadingKind.Readout)
            {
                return false;
            }
        }

        return true;
    }

    // "Subtract 2 from n_1 for 3 times", "the loop iterates 3 times, so n_0 increases by 3": an update told with a verb
    // and a count of runs, no value stated ("n_3 is incremented by 2" explains the code; it counts nothing).
    private static void AddDescribedNames(LineContext line, List<string> described)
    {
        var tokens = line.Tokens;
        bool verb = false, times = false;
        foreach (var token in tokens)
        {
            verb |= token.Kind == TokenKind.Word && token.In(WordLists.OperationVerb | WordLists.SettingVerb);
            times |= token.IsWord("times");
        }

        if (!verb || !times)
        {
            return;
        }

        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Name && !described.Contains(token.Text))
            {
                described.Add(token.Text);
            }
        }
    }

    // "If n is odd, n_4 will be 0.", "If n^3 is even, n_2 ends up being -1.", "n_1 will be 0 if n is even, and -1 if n
    // is odd.": a case the reply weighs, not a value it holds. Only cases of parity ("if we input n=3, n_0 will be -3"
    // states the run asked about), and not an "if" in a parenthesis after the reading: "n_2 ends at 1 (it would end at
    // -1 if the count were even)" states 1.
    internal static bool IsConditional(LineContext line, int sentence, int readFrom, int readTo)
    {
        if (sentence < 0 || sentence >= line.Sentences.Count)
        {
            return false;
        }

        // Each word's lists are bits on its token: nearly every sentence is passed over with one test per token.
        var (from, to) = line.Sentences[sentence];
        var parity = false;
        for (var k = from; k < to && !parity; k++)
        {
            parity = line.Tokens[k].In(WordLists.Parity);
        }

        if (!parity)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            // An "if" after the reading in a parenthesis of its own is an aside; one before it conditions all that follows.
            if (line.Tokens[k].In(WordLists.Condition) && !(k >= readTo && Parenthesis(line.Tokens, readTo, k)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Parenthesis(List<Token> tokens, int from, int to)
    {
        for (var k = from; k < to && k < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.Operator && tokens[k].Text is "(" or ")")
            {
                return true;
            }
        }

        return false;
    }

    // A loop, not List.Exists with a lambda: capturing the name would cost an allocation per line read with a statement open.
    private static bool HasClaimFor(List<LineClaim> claims, string? name)
    {
        foreach (var claim in claims)
        {
            if (claim.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    // "the final values are a = 1+6 = 7 and b = 2-9 = -7": each value computed in such a sentence is its loop's end.
    private static readonly Cues FinalValuesCue = new("final value");

    // "n_0 is still 3": a value restated, not computed.
    private static readonly Cues StillCue = new(" still ");

    // The tokens of the line and of its comment, reused on each thread: nothing read from a line keeps its tokens, and
    // lines are read one at a time (a recogniser that reads a sentence again tokenizes it into a list of its own).
    [ThreadStatic]
    private static List<Token>? ScratchTokens;

    [ThreadStatic]
    private static List<Token>? ScratchCommentTokens;

    // The contexts of the line and of its comment, reloaded line after line on each thread, as their token lists are.
    [ThreadStatic]
    private static LineContext? ScratchLine;

    [ThreadStatic]
    private static LineContext? ScratchCommentLine;

    // The readings of the line and of its comment, reused on each thread: the caller consumes a line's reading before
    // it reads the next line, and a line's claims are copied out of the comment's reading.
    [ThreadStatic]
    private static LineReading? ScratchReading;

    [ThreadStatic]
    private static LineReading? ScratchCommentReading;

    // The proposals of the line being read, reused on each thread: ReadInto consumes them before it returns.
    [ThreadStatic]
    private static Proposals? ScratchProposals;

    [ThreadStatic]
    private static List<(int Sentence, int From, int To)>? ScratchSpans;

    // "n_0 = 1; the loop runs three times, one less each time, so n_0 goes 1, 0, -1": a loop summary ends
    // at the last value its sentence gives a name; a bare value it gave the name before the loop's words may be where the
    // loop starts (jurassic2-ultra/complexity-cot/28, holdout31), which the document pass decides. Two values with no loop
    // words between are alternatives ("if even, n_4 will be -1; if odd, 1"), and a later same value restates the end
    // ("n_2 = 0, as three flips of 0 leave it at 0").
    private static void MarkSummaryStarts(LineContext line, List<LineClaim> claims, int first, List<(int Sentence, int From, int To)> spans)
    {
        for (var i = first; i < claims.Count; i++)
        {
            var claim = claims[i];
            if (!claim.Shortcut || claim.Kind != ReadingKind.Execution || claim.Work is not null || claim.ClosedForm || claim.Name is null)
            {
                continue;
            }

            var (sentence, _, to) = spans[i - first];
            for (var later = i + 1; later < claims.Count && spans[later - first].Sentence == sentence; later++)
            {
                if (claims[later].Name == claim.Name && claims[later].Value is { } moved && claim.Value is { } start && moved.Real != start.Real
                    && LoopWordBetween(line.Tokens, to, spans[later - first].From))
                {
                    claims[i] = claim with { StartsSummary = true };
                    break;
                }
            }
        }
    }

    private static bool LoopWordBetween(List<Token> tokens, int from, int to)
    {
        for (var i = from; i < to && i < tokens.Count; i++)
        {
            if (tokens[i].IsWord("loop") || tokens[i].IsWord("times") || tokens[i].IsWord("iterations"))
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadInto(LineContext line, LineReading reading)
    {
        if (line.Tokens.Count == 0)
        {
            return;
        }

        var proposals = ScratchProposals ??= new();
        proposals.Clear();
        var repeats = line.RepeatSentences();
        reading.EndsRepeating = repeats.Last >= 0 && repeats.Last == line.Sentences.Count - 1;

        // In listing order (ties in the cover go to the earlier); recognisers whose words the line lacks are skipped.
        if (ProseAnswerRecogniser.MayPropose(line))
        {
            ProseAnswerRecogniser.Propose(line, proposals);
        }

        if (EchoRecogniser.MayPropose(line))
        {
            EchoRecogniser.Propose(line, proposals);
        }

        if (ReadoutRecogniser.MayPropose(line))
        {
            ReadoutRecogniser.Propose(line, proposals);
        }

        if (NoChangeRecogniser.MayPropose(line))
        {
            NoChangeRecogniser.Propose(line, proposals);
        }

        if (SnapshotRecogniser.MayPropose(line))
        {
            SnapshotRecogniser.Propose(line, proposals);
        }

        if (ValueListRecogniser.MayPropose(line))
        {
            ValueListRecogniser.Propose(line, proposals);
        }

        AssignmentRecogniser.Propose(line, proposals);
        if (ProseExecutionRecogniser.MayPropose(line))
        {
            ProseExecutionRecogniser.Propose(line, proposals);
        }

        // Where each claim from the first loop-summary value on was read: only lines with a summary value need them.
        var firstSummaryValue = -1;
        List<(int Sentence, int From, int To)>? claimSpans = null;
        foreach (var chosen in LineCover.Best(proposals))
        {
            reading.Kinds.Add(chosen.Kind);
            if (chosen.Answer is { } answer)
            {
                reading.Answers.Add(answer);
            }

            if (chosen.Pending is { } pending)
            {
                reading.Pending = pending;
            }

            if (chosen.Unreadable is { } problem)
            {
                reading.Unreadable.Add(problem);
            }

            if (chosen.Claims.IsEmpty)
            {
                continue;
            }

            var sentence = line.SentenceOf(chosen.From);
            if ((line.WordTags & WordTags.Parity) != 0 && chosen.Kind is ReadingKind.Execution or ReadingKind.NoChangeExecution or ReadingKind.Readout
                && IsConditional(line, sentence, chosen.From, chosen.To))
            {
                continue;
            }

            // Under "Iterate 3 times:" a value sums up the loop, unless its sentence names one iteration ("In the second
            // iteration, n_0 becomes 1", "Iteration 2: n_2 = -2 - 2 = -4"): that is one step.
            var shortcut = chosen.Kind is ReadingKind.Execution or ReadingKind.NoChangeExecution && !chosen.PerStep
                && (line.IsShortcutSentence(sentence) || (line.Section == LineSection.Loop && !line.NamesOneIteration(sentence))
                    || (chosen.Kind == ReadingKind.Execution && (line.WordTags & WordTags.Final) != 0 && line.SentenceHas(FinalValuesCue, sentence)));
            var restates = chosen.Kind == ReadingKind.Execution && line.SentenceHas(StillCue, sentence);
            reading.Claims.EnsureCapacity(reading.Claims.Count + chosen.Claims.Length);
            foreach (var claim in chosen.Claims)
            {
                // "n_0 is still 3" restates a value unless work shows the step ("still 0, since 0 * -1 = 0").
                var kind = restates && claim.Work is null ? ReadingKind.StateSnapshot : claim.Kind;
                // "The process is then repeated two more times. ... the final values are n_0 = 9, ...": a list after the
                // reply says the walk repeats gives the repeats' results (the document pass decides what a new value is).
                var afterRepeat = kind == ReadingKind.Readout && repeats.First >= 0 && repeats.First <= sentence;
                reading.Claims.Add(claim with { Kind = kind, Shortcut = (shortcut || claim.Shortcut) && kind != ReadingKind.StateSnapshot, AfterRepeat = afterRepeat });
                if (claimSpans is null && shortcut && !claim.Shortcut && kind == ReadingKind.Execution)
                {
                    firstSummaryValue = reading.Claims.Count - 1;
                    claimSpans = ScratchSpans ??= [];
                    claimSpans.Clear();
                }

                claimSpans?.Add((sentence, chosen.From, chosen.To));
            }
        }

        if (claimSpans is not null)
        {
            MarkSummaryStarts(line, reading.Claims, firstSummaryValue, claimSpans);
        }

        // "s5 = s4 - b, so s5 = -6.25": the statement got its value later on the same line.
        if (reading.Pending is { Name: { } pendingName } && HasClaimFor(reading.Claims, pendingName))
        {
            reading.Pending = null;
        }
    }
}
