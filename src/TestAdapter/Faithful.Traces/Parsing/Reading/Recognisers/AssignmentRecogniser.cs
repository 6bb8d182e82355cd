using static Faithful.Traces.Parsing.Reading.TokenText;

namespace Faithful.Traces.Parsing.Reading.Recognisers;

/// <summary>
/// Executions written as assignments: <c>s3 = 42</c>, <c>s3 = s2 - s1 = 14 - 7 = 7</c>, <c>a3 -= a2 -> a3 = 2 - (-7) = 9</c>,
/// <c>a3 += a2 -> 9</c>, <c>Step 3: 21 - 7 = 14</c>, "a3 is now 2". A clause's value is the first part after an assignment
/// that is a lone number; what comes before it is the work shown. A statement with no value is a code re-print.
/// </summary>
internal static class AssignmentRecogniser
{
    public static void Propose(LineContext line, Proposals proposals)
    {
        var tokens = line.Tokens;
        var start = 0;
        while (start < tokens.Count && tokens[start].Kind == TokenKind.Word && tokens[start].In(WordLists.TypeKeyword))
        {
            start++;
        }

        var anchors = FindAnchors(tokens, start);
        var firstAnchor = anchors.Count > 0 ? anchors[0] : tokens.Count;
        var statementHandled = ProposeStatement(line, start, firstAnchor, anchors.Count > 0 ? tokens[anchors[0]].Text : null, proposals);

        for (var k = 0; k < anchors.Count; k++)
        {
            var end = Math.Min(k + 1 < anchors.Count ? anchors[k + 1] : tokens.Count, line.SentenceEnd(anchors[k]));
            if (k + 1 < anchors.Count && end == anchors[k + 1] && end - 1 > anchors[k] + 1 && (tokens[end - 1].IsOperator("[") || tokens[end - 1].IsOperator("(")))
            {
                // "n_0=-1 [n_0=-1]": the bracket opens the next clause, not this one's value.
                end--;
            }

            ProposeAnchoredClause(line, anchors[k], end, proposals);
        }

        if (anchors.Count == 0 && !statementHandled && (line.Hint is not null || (line.StepNumber is not null && (line.StepLabel || IsArithmetic(tokens, start)))))
        {
            ProposeNumberedStep(line, start, proposals);
        }
    }

    /// <summary>Names followed by an assignment (<c>=</c>, <c>:</c>, an arrow, "is", "becomes") that may start a clause.</summary>
    // The anchors of the line being read, reused on each thread (Propose is done with them before it returns).
    [ThreadStatic]
    private static List<int>? ScratchAnchors;

    public static List<int> FindAnchors(List<Token> tokens, int start)
    {
        var anchors = ScratchAnchors ??= [];
        anchors.Clear();
        for (var i = start; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Name || !IsAssignment(tokens, i + 1))
            {
                continue;
            }

            if (i == start || CanPrecedeAnchor(tokens, i))
            {
                anchors.Add(i);
            }
        }

        return anchors;
    }

    public static bool IsAssignment(List<Token> tokens, int at)
    {
        var token = tokens[at];
        if (token.Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow)
        {
            // "s3 == 7" is a comparison; "s3: s3 = ..." leaves the anchor to the second name.
            return !(token.Kind == TokenKind.Colon && at + 2 < tokens.Count && tokens[at + 1].Kind == TokenKind.Name && tokens[at + 2].Kind == TokenKind.Assign);
        }

        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        // "n_0 will be 2", "n_0 would become -3", "n_0 has the value 5".
        var next = at + 1 < tokens.Count ? tokens[at + 1] : default;
        if (IsModal(token))
        {
            return next.Kind == TokenKind.Word && next.Text.ToLowerInvariant() is "be" or "become" or "equal" or "now";
        }

        if (token.IsWord("has"))
        {
            return next.Kind == TokenKind.Word && next.Text.ToLowerInvariant() is "the" or "value" or "a";
        }

        return token.In(WordLists.Anchor) && !token.IsWord("was");
    }

    /// <summary>Whether the anchor's assignment is a symbol (<c>=</c>, <c>:</c>, an arrow) rather than a word.</summary>
    public static bool IsSymbolic(List<Token> tokens, int anchor) => tokens[anchor + 1].Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow;

    private static bool CanPrecedeAnchor(List<Token> tokens, int i)
    {
        var previous = tokens[i - 1];
        switch (previous.Kind)
        {
            case TokenKind.Comma:
                return !EndsListOfSum(tokens, i);
            case TokenKind.Semicolon or TokenKind.Arrow or TokenKind.Colon or TokenKind.Other:
                return true;
            case TokenKind.Operator:
                return previous.Text is "(" or "[";
            case TokenKind.Word:
                // "add a and b: ..." lists operands; "s1 = 7 and s2 = 21" joins claims.
                return (!previous.In(WordLists.BlockingPreposition | WordLists.Operator) || StatesWith(tokens, i) || StatesResultTo(tokens, i))
                    && !(previous.Text.ToLowerInvariant() is "and" or "or" && i >= 2 && (tokens[i - 2].Kind == TokenKind.Name || ClosesNameList(tokens, i - 2)));
            case TokenKind.Number:
                // "s1 = 7 s2 = 21": a value just ended; "n_1 = 2n_0 = 2(1) = 2" writes a product, whose factor n_0 is no target.
                return i >= 2 && tokens[i - 2].Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow && previous.End < tokens[i].Start;
            default:
                return false;
        }
    }

    // "Going into the outer loop with n_0 = 0": after a noun, "with" gives the state the name is in, not an operand of the verb
    // before it ("multiply n_1 with n_0", "replace n_0 with n_1 = ..." keep the name an operand).
    private static bool StatesWith(List<Token> tokens, int i) =>
        tokens[i - 1].IsWord("with") && tokens[i + 1].Kind == TokenKind.Assign && i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.Number
        && i >= 2 && tokens[i - 2] is { Kind: TokenKind.Word } noun && !noun.In(WordLists.OperationVerb | WordLists.Operator | WordLists.BlockingPreposition);

    // "Increment n_0 by 2 to n_0=3": "to" before the name the clause already updates gives its new value; "add 2 to
    // n_0 = 5", whose name is the operand, keeps it blocked (jurassic2-ultra/complexity-cot/56, holdout33).
    private static bool StatesResultTo(List<Token> tokens, int i)
    {
        if (!tokens[i - 1].IsWord("to") || tokens[i + 1].Kind != TokenKind.Assign)
        {
            return false;
        }

        for (var k = i - 2; k >= 0 && k >= i - 6; k--)
        {
            if (tokens[k].Kind is TokenKind.Comma or TokenKind.Semicolon or TokenKind.Colon or TokenKind.Assign)
            {
                return false;
            }

            if (tokens[k].Kind == TokenKind.Name)
            {
                return tokens[k].Text == tokens[i].Text;
            }
        }

        return false;
    }

    // "calculate the sum of n_0, n_1, n_2: sum([0, -1, 1]) = 0": the last name of a list the sum is of is one of its
    // operands, not the name the colon gives a value (gpt35/complexity-cot/409, holdout57).
    private static bool EndsListOfSum(List<Token> tokens, int i)
    {
        var k = i - 1;
        while (k >= 1 && tokens[k].Kind == TokenKind.Comma && tokens[k - 1].Kind == TokenKind.Name)
        {
            k -= 2;
        }

        return k >= 1 && k < i - 1 && tokens[k].IsWord("of") && (tokens[k - 1].IsWord("sum") || tokens[k - 1].IsWord("total"));
    }

    // "the sum of n_0, n_1, and n_2 will be ...": the comma before "and" closes a list of names, which the clause is about.
    private static bool ClosesNameList(List<Token> tokens, int comma) =>
        comma >= 1 && tokens[comma].Kind == TokenKind.Comma && tokens[comma - 1].Kind == TokenKind.Name;

    // "n_0 will be 1 + 2*3 = 7", "n_1 would become -2", "n_0 has the value of 5": the words that finish a two-word link
    // are not the work shown. Returns the index past them (the link word itself is at rhsStart - 1).
    private static int PastLinkWords(List<Token> tokens, int rhsStart, int end)
    {
        var link = tokens[rhsStart - 1];
        var at = rhsStart;
        if (IsModal(link))
        {
            if (WordAt(tokens, at, end, "now"))
            {
                at++;
                at += WordAt(tokens, at, end, "be") ? 1 : 0;
            }
            else if (WordAt(tokens, at, end, "equal"))
            {
                at++;
                at += WordAt(tokens, at, end, "to") ? 1 : 0;
            }
            else if (WordAt(tokens, at, end, "be") || WordAt(tokens, at, end, "become"))
            {
                at++;
            }
        }
        else if (link.IsWord("has"))
        {
            at += WordAt(tokens, at, end, "the") || WordAt(tokens, at, end, "a") ? 1 : 0;
            at += WordAt(tokens, at, end, "value") ? 1 : 0;
            at += WordAt(tokens, at, end, "of") ? 1 : 0;
        }

        return at;
    }

    private static bool WordAt(List<Token> tokens, int at, int end, string word) => at < end && tokens[at].IsWord(word);

    // The first word of a two-word link ("will be", "would become"); IsAssignment says which words may follow it.
    private static bool IsModal(Token token) => token.IsWord("will") || token.IsWord("would") || token.IsWord("should") || token.IsWord("shall");

    // "n_1 is decreased by 2*9=18": the worked value is the change's amount, not what the name holds (gpt4/complexity-cot/573,
    // holdout25); "n_0 is decreased by 2 = -1", whose value is not the amount's, still states the name's new value.
    private static bool IsWorkedAmount(List<Token> tokens, int anchor, int rhsStart, TokenText.Found found) =>
        !IsSymbolic(tokens, anchor) && found.PartStart >= rhsStart + 6
        && tokens[rhsStart].In(WordLists.OperationVerb) && tokens[rhsStart + 1].IsWord("by")
        && tokens[found.PartStart - 1].Kind == TokenKind.Assign && found.Value.Int64 is { } value
        && ArithmeticTokens.TryEvaluate(tokens, rhsStart + 2, found.PartStart - 1, powers: true, out var amount) && amount == value;

    // "n_0: 3^1 = 3 iterations, each subtracting 2, so n_0 = 0 - 2*3 = -6": a value followed by a plural word for runs
    // counts the loop's iterations; the name's value comes later in the line (gpt4/complexity-cot/704, holdout55).
    private static bool CountsRuns(List<Token> tokens, int value, int end) =>
        value + 1 < end && tokens[value + 1] is { Kind: TokenKind.Word } word && word.In(WordLists.PassCount);

    // "n_0 = 2^10 = 1024", "n_3 = 1 * (-2)^10 = 1024" for n=10: a power whose exponent is the asked input is a loop's
    // closed form evaluated, its end value, not one write (holdout74 llama3-70b/complexity-redundant-cot/91: read as a
    // single step, its value went to the loop's first write, a false arithmetic error).
    private static bool IsPowerOfInput(string work, long input)
    {
        var caret = work.LastIndexOf('^');
        if (caret < 0 || work.IndexOf('^') != caret)
        {
            return false;
        }

        var exponent = work.AsSpan(caret + 1).Trim().Trim("()");
        return long.TryParse(exponent, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var power)
            && power == input && input > 1;
    }

    private static void ProposeAnchoredClause(LineContext line, int anchor, int end, Proposals proposals)
    {
        var tokens = line.Tokens;
        var text = line.Text;
        var name = tokens[anchor].Text;
        var rhsStart = anchor + 2;
        if (rhsStart < end && tokens[anchor + 1].IsWord("is") && tokens[rhsStart].IsWord("now"))
        {
            rhsStart++;
        }
        else if (tokens[anchor + 1].Kind == TokenKind.Word)
        {
            rhsStart = PastLinkWords(tokens, rhsStart, end);
        }

        // "n_1 will be multiplied 9 times (because -1 to the power of an odd number is -1)": a value a word links inside a
        // remark that gives a reason says why, not what the name holds ("(since -1 - 20 = -21 for n = 10)" still computes it).
        if (FirstLoneValue(tokens, rhsStart, end) is { } found
            && !(found.PartStart > rhsStart && tokens[found.PartStart - 1].Kind == TokenKind.Word && InReasonRemark(tokens, rhsStart, found.PartStart)))
        {
            if (IsWorkedAmount(tokens, anchor, rhsStart, found) || CountsRuns(tokens, found.At, end))
            {
                return;
            }

            var work = found.PartStart > rhsStart ? Slice(text, tokens, rhsStart, found.PartStart) : ArithmeticTokens.WorkInParenthesesAfter(text, tokens, found.At, end, found.Value);
            var score = ProposalScores.Assignment + (work is null ? 0 : ProposalScores.WorkShown);
            var atInput = work is not null && line.Knowledge.Asked is { } input && IsPowerOfInput(work, input.Value);
            var proposal = proposals.Add(ReadingKind.Execution, anchor, Math.Min(end, found.At + 1), score)
                .With(new LineClaim(name, line.StepNumber, found.Value, work, Shortcut: atInput, ClosedForm: atInput));
            if (anchor > 0 && StatesWith(tokens, anchor))
            {
                // "Begin the loop with n_2 = -1, running it 10 times": the state going into the loop, not its end.
                proposal.OfSuccessiveSteps();
            }

            return;
        }

        // "`n_0` will be equal to `n`", "will be `2n`", "(-1)^n": a closed form in the asked input states the value for it.
        var formStart = rhsStart + (WordAt(tokens, rhsStart, end, "equal") ? WordAt(tokens, rhsStart + 1, end, "to") ? 2 : 1 : 0);
        if (line.Knowledge.Asked is { } asked && ClosedForm.Read(tokens, formStart, end, asked.Name, asked.Value) is { } closed)
        {
            proposals.Add(ReadingKind.Execution, anchor, closed.End, ProposalScores.Assignment + ProposalScores.WorkShown)
                .With(new LineClaim(name, line.StepNumber, ParsedValue.FromInt64(closed.Value), Slice(text, tokens, formStart, closed.End), Shortcut: true, ClosedForm: true));
            return;
        }

        var rhs = Slice(text, tokens, rhsStart, end);
        if (IsFormatPlaceholder(tokens, rhsStart, end))
        {
            // "s1 = <value>": the prompt's output format repeated, not a claim.
            return;
        }

        if (HasName(tokens, rhsStart, end) && IsSymbolic(tokens, anchor))
        {
            proposals.Add(ReadingKind.CodeReprint, anchor, end, ProposalScores.Statement)
                .WithPending(new PendingStatement(name, line.StepNumber, rhs ?? name));
        }
        else if (!IsSymbolic(tokens, anchor))
        {
            // "n_0 is decreased by 2, ...": prose with no value here, left to the prose recognisers.
        }
        else if (rhs is not null && IsOpenArithmetic(tokens, rhsStart, end))
        {
            // "n_6 = 1 * -1 * -1 * -1" with "= -1" on the next line: the chain's value follows, so wait for it.
            proposals.Add(ReadingKind.CodeReprint, anchor, end, ProposalScores.Statement)
                .WithPending(new PendingStatement(name, line.StepNumber, rhs));
        }
        else if (rhs is not null && HasNumber(tokens, rhsStart, end))
        {
            proposals.Add(ReadingKind.Execution, anchor, end, ProposalScores.Statement)
                .WithUnreadable($"{name} has no final value (only '{Bound(rhs)}')")
                .With(new LineClaim(name, line.StepNumber, null, rhs));
        }
        else if (rhs is null || tokens[anchor + 1].Kind != TokenKind.Colon)
        {
            proposals.Add(ReadingKind.Execution, anchor, end, ProposalScores.Statement)
                .WithUnreadable($"{name} is named but no value follows")
                .With(new LineClaim(name, line.StepNumber, null, null));
        }
    }

    /// <summary>Statements before any anchor: "a3 -= a2", "a3++", optionally followed by "-> 9" or ": 9".</summary>
    private static bool ProposeStatement(LineContext line, int start, int end, string? nextAnchorName, Proposals proposals)
    {
        var tokens = line.Tokens;
        string? target = null;
        var afterStatement = -1;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.CompoundAssign && i > start && tokens[i - 1].Kind == TokenKind.Name)
            {
                target = tokens[i - 1].Text;
                afterStatement = NextSeparator(tokens, i + 1, end);
                break;
            }

            if (token.Kind == TokenKind.IncrementOrDecrement)
            {
                if (i > start && tokens[i - 1].Kind == TokenKind.Name && tokens[i - 1].End == token.Start)
                {
                    target = tokens[i - 1].Text;
                }
                else if (i + 1 < end && tokens[i + 1].Kind == TokenKind.Name)
                {
                    target = tokens[i + 1].Text;
                }

                if (target is not null)
                {
                    afterStatement = NextSeparator(tokens, i + 1, end);
                    break;
                }
            }
        }

        if (target is null)
        {
            return false;
        }

        var statementEnd = afterStatement < 0 ? end : afterStatement;
        var statementText = Slice(line.Text, tokens, start, statementEnd) ?? target;
        if (nextAnchorName == target)
        {
            // "a0 &= a4: 4 & 9 = 0000, so a0 = 0": the anchored clause gives the claim.
            return true;
        }

        if (afterStatement >= 0 && FirstLoneValue(tokens, afterStatement + 1, Math.Min(end, line.SentenceEnd(afterStatement))) is { } found)
        {
            var work = found.PartStart > afterStatement + 1 ? Slice(line.Text, tokens, afterStatement + 1, found.PartStart) : null;
            proposals.Add(ReadingKind.Execution, start, found.At + 1, ProposalScores.Assignment + ProposalScores.WorkShown)
                .With(new LineClaim(target, line.StepNumber, found.Value, work ?? statementText));
            return true;
        }

        proposals.Add(ReadingKind.CodeReprint, start, statementEnd, ProposalScores.Statement)
            .WithPending(new PendingStatement(target, line.StepNumber, statementText, line.CountsRepetitions(line.SentenceOf(start))));
        return true;
    }

    private static int NextSeparator(List<Token> tokens, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (tokens[i].Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow
                || (tokens[i].Kind == TokenKind.Word && tokens[i].In(WordLists.Result)))
            {
                return i;
            }
        }

        return -1;
    }

    // Numbers joined by operators and nothing else ("1 - 2 - 2 - 2"): work whose value may follow on the next line.
    private static bool IsOpenArithmetic(List<Token> tokens, int from, int end)
    {
        var operators = 0;
        var numbers = 0;
        for (var i = from; i < end; i++)
        {
            switch (tokens[i].Kind)
            {
                case TokenKind.Number:
                    numbers++;
                    break;
                case TokenKind.Operator:
                    operators++;
                    break;
                default:
                    return false;
            }
        }

        return numbers >= 2 && operators >= 1;
    }

    // A list item that is only arithmetic ("3. 21 - 7 = 14"), not prose ("2. The loop runs n times (n = 3)").
    private static bool IsArithmetic(List<Token> tokens, int start)
    {
        for (var i = start; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && !tokens[i].In(WordLists.Operator))
            {
                return false;
            }
        }

        return true;
    }

    // Whether the part at partStart follows "for <input> =": a name no step writes, introduced as an input and assigned
    // right before the value ("Step 2: Calculate n_0 for n=10"), or a given name of the program assigned there.
    private static bool StatesInput(LineContext line, int partStart)
    {
        var tokens = line.Tokens;
        if (partStart < 2 || tokens[partStart - 1].Kind != TokenKind.Assign)
        {
            return false;
        }

        var name = tokens[partStart - 2];
        if (name.Kind is not (TokenKind.Name or TokenKind.Word) || line.Knowledge.IsStepVariable(name.Text))
        {
            return false;
        }

        if (line.Knowledge.IsGiven(name.Text))
        {
            return true;
        }

        return GivesInputAt(tokens, partStart - 1);
    }

    // "Step 9: Repeat steps 2-8 for n=10-1=9 more times": the value ends arithmetic on the input ("for n=10-1=9"), a count
    // of repeats, not the step's value (holdout67 gpt35/complexity-redundant-cot/190: read as a wrong write).
    private static bool WorksOutInput(LineContext line, int value)
    {
        var tokens = line.Tokens;
        for (var k = value - 1; k >= 2; k--)
        {
            if (tokens[k].Kind is TokenKind.Number || tokens[k].Kind == TokenKind.Operator && tokens[k].Text is not ("(" or ")"))
            {
                continue;
            }

            if (tokens[k].Kind != TokenKind.Assign)
            {
                return false;
            }

            if (GivesInputAt(tokens, k))
            {
                return !line.Knowledge.IsStepVariable(tokens[k - 1].Text);
            }
        }

        return false;
    }

    /// <summary>"Step 3: s2 - s1 = 14 - 7 = 7" or "Step 3: 7".</summary>
    private static void ProposeNumberedStep(LineContext line, int start, Proposals proposals)
    {
        var tokens = line.Tokens;
        var hint = line.Hint is null ? null : line.Names.Resolve(line.Hint);
        var end = line.Sentences.Count > 0 ? line.Sentences[0].To : tokens.Count;
        if (FirstLoneValue(tokens, start, end) is { } found)
        {
            if (StatesInput(line, found.PartStart) || WorksOutInput(line, found.At))
            {
                // "Step 2: Calculate n_0 for n=10": the heading names the input, the step's value comes later.
                return;
            }

            var work = found.PartStart > start ? TrimSeparators(Slice(line.Text, tokens, start, found.PartStart)) : null;
            proposals.Add(ReadingKind.Execution, start, found.At + 1, ProposalScores.Assignment)
                .With(new LineClaim(hint, line.StepNumber, found.Value, work));
            return;
        }

        if (HasName(tokens, start, tokens.Count) && HasOperator(tokens, start, tokens.Count))
        {
            proposals.Add(ReadingKind.CodeReprint, start, tokens.Count, ProposalScores.Statement)
                .WithPending(new PendingStatement(hint, line.StepNumber, Slice(line.Text, tokens, start, tokens.Count) ?? ""));
        }
    }
}
