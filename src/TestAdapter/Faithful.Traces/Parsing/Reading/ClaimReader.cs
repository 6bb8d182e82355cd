namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Reads the claims on one normalized line: <c>s3 = 42</c>, <c>s3 = s2 - s1 = 14 - 7 = 7</c>,
/// <c>a3 -= a2 -> a3 = 2 - (-7) = 9</c>, <c>a3 += a2; // 9</c>, <c>Step 3: ... = 42</c>, several claims per line,
/// and prose such as "subtract a2 from a3, giving 9". A claim's value is the first part after an assignment that
/// is a lone number; what comes before it is the work shown.
/// </summary>
internal static class ClaimReader
{
    private static readonly HashSet<string> ResultWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "giving", "gives", "give", "yields", "yielding", "yield", "get", "gets", "getting", "got", "makes", "making",
        "leaves", "leaving", "equals", "is", "becomes", "become", "resulting", "results",
    };

    private static readonly HashSet<string> BlockingPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "from", "by", "with", "of", "into", "plus", "minus", "times", "than",
    };

    // Operators written as words: a number followed by one is an operand ("-11 mod 7 = 3"), not a claimed value.
    private static readonly HashSet<string> OperatorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "mod", "modulo", "rem", "div", "times", "plus", "minus", "divided", "multiplied", "over", "xor", "shl", "shr",
    };

    private static readonly HashSet<string> TypeKeywords = new(StringComparer.Ordinal) { "var", "let", "long", "double", "int", "const" };

    public static LineReading Read(string text, int? stepNumber, string? nameHint, NameRules names)
    {
        var reading = new LineReading();
        var (code, comment) = SplitComment(text);
        var tokens = Tokenizer.Tokenize(code, names);
        var hint = nameHint is null ? null : names.Resolve(nameHint);

        ReadTokens(code, tokens, stepNumber, hint, names, reading);
        reading.MentionsNameAndNumber = HasName(tokens, 0, tokens.Count) && HasNumber(tokens, 0, tokens.Count);

        // "s5 = s4 - b, so s5 = -6.25": the statement got its value later on the same line.
        if (reading.Pending is { Name: { } pendingName } && reading.Claims.Exists(c => c.Name == pendingName))
        {
            reading.Pending = null;
        }

        if (comment is not null)
        {
            var commentReading = new LineReading();
            var commentTokens = Tokenizer.Tokenize(comment, names);
            ReadTokens(comment, commentTokens, stepNumber, hint, names, commentReading);
            if (commentReading.Claims.Count > 0)
            {
                reading.Claims.AddRange(commentReading.Claims);
                if (reading.Pending is { } statement && commentReading.Claims.Exists(c => c.Name == statement.Name))
                {
                    reading.Pending = null;
                }
            }
            else if (reading.Pending is { } statement && FirstLoneValue(commentTokens, 0) is { } value)
            {
                // "a3 += a2; // 9" or "a3 += a2  # -> 9": the comment gives the statement's value.
                reading.Claims.Add(new LineClaim(statement.Name, statement.StepNumber ?? stepNumber, value.Value, statement.Work));
                reading.Pending = null;
            }
        }

        return reading;
    }

    /// <summary>
    /// A line that continues a statement restated on an earlier line ("= 14 - 7 = 7", "-> 9"): the claim it
    /// completes, or a longer pending statement when it still gives no value; null when it is not a continuation.
    /// </summary>
    public static (LineClaim? Claim, PendingStatement? Pending) ReadContinuation(string text, PendingStatement pending, NameRules names)
    {
        var tokens = Tokenizer.Tokenize(text, names);
        if (tokens.Count == 0 || tokens[0].Kind is not (TokenKind.Assign or TokenKind.Arrow))
        {
            return (null, null);
        }

        if (FirstLoneValue(tokens, 1, tokens.Count) is { } found)
        {
            var more = found.PartStart > 1 ? Slice(text, tokens, 1, found.PartStart) : null;
            var work = more is null ? pending.Work : $"{pending.Work} = {more}";
            return (new LineClaim(pending.Name, pending.StepNumber, found.Value, work), null);
        }

        var extended = Slice(text, tokens, 1, tokens.Count);
        return (null, pending with { Work = extended is null ? pending.Work : $"{pending.Work} = {extended}" });
    }

    private static (string Code, string? Comment) SplitComment(string text)
    {
        for (var i = 1; i + 1 < text.Length; i++)
        {
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

    private static void ReadTokens(string text, List<Token> tokens, int? stepNumber, string? hint, NameRules names, LineReading reading)
    {
        var start = 0;
        while (start < tokens.Count && tokens[start].Kind == TokenKind.Word && TypeKeywords.Contains(tokens[start].Text))
        {
            start++;
        }

        var anchors = FindAnchors(tokens, start);
        var firstAnchor = anchors.Count > 0 ? anchors[0] : tokens.Count;

        // Before the first anchor: a statement with its value ("a3 -= a2 -> 9"), or a bare statement.
        var statementHandled = ReadStatement(text, tokens, start, firstAnchor, stepNumber, anchors.Count > 0 ? tokens[anchors[0]].Text : null, reading);

        for (var k = 0; k < anchors.Count; k++)
        {
            var end = k + 1 < anchors.Count ? anchors[k + 1] : tokens.Count;
            ReadAnchoredClause(text, tokens, anchors[k], end, stepNumber, reading);
        }

        if (anchors.Count > 0 || statementHandled)
        {
            return;
        }

        if (stepNumber is not null || hint is not null)
        {
            ReadNumberedStep(text, tokens, start, stepNumber, hint, reading);
            return;
        }

        ReadProse(text, tokens, start, names, reading);
    }

    private static List<int> FindAnchors(List<Token> tokens, int start)
    {
        var anchors = new List<int>();
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

    private static bool IsAssignment(List<Token> tokens, int at)
    {
        var token = tokens[at];
        if (token.Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow)
        {
            // "s3 == 7" is a comparison; "s3: s3 = ..." leaves the anchor to the second name.
            return !(token.Kind == TokenKind.Colon && at + 2 < tokens.Count && tokens[at + 1].Kind == TokenKind.Name && tokens[at + 2].Kind == TokenKind.Assign);
        }

        return token.Kind == TokenKind.Word && token.Text.ToLowerInvariant() is "is" or "becomes" or "equals" or "now";
    }

    private static bool CanPrecedeAnchor(List<Token> tokens, int i)
    {
        var previous = tokens[i - 1];
        switch (previous.Kind)
        {
            case TokenKind.Comma or TokenKind.Semicolon or TokenKind.Arrow or TokenKind.Colon or TokenKind.Other:
                return true;
            case TokenKind.Operator:
                return previous.Text is "(" or "[";
            case TokenKind.Word:
                // "add a and b: ..." lists operands; "s1 = 7 and s2 = 21" joins claims.
                return !BlockingPrepositions.Contains(previous.Text) && !OperatorWords.Contains(previous.Text)
                    && !(previous.Text.ToLowerInvariant() is "and" or "or" && i >= 2 && tokens[i - 2].Kind == TokenKind.Name);
            case TokenKind.Number:
                // "s1 = 7 s2 = 21": a value just ended.
                return i >= 2 && tokens[i - 2].Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow;
            default:
                return false;
        }
    }

    private static void ReadAnchoredClause(string text, List<Token> tokens, int anchor, int end, int? stepNumber, LineReading reading)
    {
        var name = tokens[anchor].Text;
        var rhsStart = anchor + 2;
        if (rhsStart < end && tokens[anchor + 1].IsWord("is") && tokens[rhsStart].IsWord("now"))
        {
            rhsStart++;
        }

        if (FirstLoneValue(tokens, rhsStart, end) is { } found)
        {
            var work = found.PartStart > rhsStart ? Slice(text, tokens, rhsStart, found.PartStart) : null;
            reading.Claims.Add(new LineClaim(name, stepNumber, found.Value, work));
            return;
        }

        var rhs = Slice(text, tokens, rhsStart, end);
        if (IsFormatPlaceholder(tokens, rhsStart, end))
        {
            // "s1 = <value>": the prompt's output format repeated, not a claim.
            return;
        }

        if (HasName(tokens, rhsStart, end))
        {
            reading.Pending = new PendingStatement(name, stepNumber, rhs ?? name);
        }
        else if (rhs is not null && HasNumber(tokens, rhsStart, end))
        {
            reading.Claims.Add(new LineClaim(name, stepNumber, null, rhs));
            reading.Unreadable.Add($"{name} has no final value (only '{Bound(rhs)}')");
        }
        else if (rhs is null || tokens[anchor + 1].Kind != TokenKind.Colon)
        {
            reading.Claims.Add(new LineClaim(name, stepNumber, null, null));
            reading.Unreadable.Add($"{name} is named but no value follows");
        }
    }

    /// <summary>Statements before any anchor: "a3 -= a2", "a3++", optionally followed by "-> 9" or ": 9".</summary>
    private static bool ReadStatement(string text, List<Token> tokens, int start, int end, int? stepNumber, string? nextAnchorName, LineReading reading)
    {
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
        var statementText = Slice(text, tokens, start, statementEnd) ?? target;
        if (nextAnchorName == target)
        {
            // "a0 &= a4: 4 & 9 = 0000, so a0 = 0": the anchored clause gives the claim.
            return true;
        }

        if (afterStatement >= 0 && FirstLoneValue(tokens, afterStatement + 1, end) is { } found)
        {
            var work = found.PartStart > afterStatement + 1 ? Slice(text, tokens, afterStatement + 1, found.PartStart) : null;
            reading.Claims.Add(new LineClaim(target, stepNumber, found.Value, work ?? statementText));
            return true;
        }

        reading.Pending = new PendingStatement(target, stepNumber, statementText);
        return true;
    }

    private static int NextSeparator(List<Token> tokens, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (tokens[i].Kind is TokenKind.Assign or TokenKind.Colon or TokenKind.Arrow
                || (tokens[i].Kind == TokenKind.Word && ResultWords.Contains(tokens[i].Text)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"Step 3: s2 - s1 = 14 - 7 = 7" or "Step 3: 7".</summary>
    private static void ReadNumberedStep(string text, List<Token> tokens, int start, int? stepNumber, string? hint, LineReading reading)
    {
        if (FirstLoneValue(tokens, start, tokens.Count) is { } found)
        {
            var work = found.PartStart > start ? TrimSeparators(Slice(text, tokens, start, found.PartStart)) : null;
            reading.Claims.Add(new LineClaim(hint, stepNumber, found.Value, work));
            return;
        }

        if (HasName(tokens, start, tokens.Count) && HasOperator(tokens, start, tokens.Count))
        {
            reading.Pending = new PendingStatement(hint, stepNumber, Slice(text, tokens, start, tokens.Count) ?? "");
        }
    }

    /// <summary>"subtract a2 from a3, giving 9"; "the value of s3 is 42".</summary>
    private static void ReadProse(string text, List<Token> tokens, int start, NameRules names, LineReading reading)
    {
        for (var i = start; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !ResultWords.Contains(tokens[i].Text))
            {
                continue;
            }

            var valueAt = i + 1;
            while (valueAt < tokens.Count && tokens[valueAt].Kind == TokenKind.Word && tokens[valueAt].Text.ToLowerInvariant() is "in" or "to" or "now" or "us" or "equal" or "the" or "value")
            {
                valueAt++;
            }

            if (valueAt >= tokens.Count || !IsLoneNumber(tokens, valueAt, tokens.Count))
            {
                continue;
            }

            var target = ProseTarget(tokens, start, i, names);
            if (target is null)
            {
                continue;
            }

            var work = TrimSeparators(Slice(text, tokens, start, i));
            reading.Claims.Add(new LineClaim(target, null, tokens[valueAt].Number, work));
            return;
        }
    }

    private static string? ProseTarget(List<Token> tokens, int start, int end, NameRules names)
    {
        string? firstAfterVerb = null;
        string? afterPreposition = null;
        string? firstName = null;
        var verb = "";
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Word && verb.Length == 0)
            {
                var word = token.Text.ToLowerInvariant();
                if (word is "subtract" or "subtracting" or "add" or "adding" or "set" or "setting" or "assign" or "multiply" or "multiplying"
                    or "divide" or "dividing" or "increment" or "decrement" or "shift" or "negate" or "double" or "update" or "and" or "or" or "xor" or "compute" or "computing" or "take")
                {
                    verb = word;
                    continue;
                }
            }

            if (token.Kind != TokenKind.Name)
            {
                continue;
            }

            firstName ??= token.Text;
            if (verb.Length > 0 && firstAfterVerb is null)
            {
                firstAfterVerb = token.Text;
            }

            if (i > start && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Text.ToLowerInvariant() is "from" or "to" or "into")
            {
                afterPreposition ??= token.Text;
            }
        }

        var target = verb switch
        {
            // "add a and b" names operands only: the target is unknown.
            "subtract" or "subtracting" or "add" or "adding" => afterPreposition,
            // Without a verb the sentence is about its first name: "the value of s3 is 14", "a4 was 5, plus a1 gives 9".
            "" => firstName,
            _ => firstAfterVerb ?? firstName,
        };

        // "multiply s1 by a" updates nothing when s1 is written once: it names an operand of a later step.
        var updatesInPlace = verb is not ("" or "set" or "setting" or "assign" or "compute" or "computing");
        return target is not null && updatesInPlace && names.IsSingleWrite(target) ? null : target;
    }

    private readonly record struct Found(ParsedValue Value, int PartStart);

    private static Found? FirstLoneValue(List<Token> tokens, int from) => FirstLoneValue(tokens, from, tokens.Count);

    /// <summary>
    /// Splits tokens at assignments, arrows, colons and result words, and returns the first part that is a lone
    /// number (a number not continued by an operator), with where that part starts.
    /// </summary>
    private static Found? FirstLoneValue(List<Token> tokens, int from, int end)
    {
        var partStart = from;
        for (var i = from; i <= end; i++)
        {
            var boundary = i == end
                || tokens[i].Kind is TokenKind.Assign or TokenKind.Arrow or TokenKind.Colon
                || (tokens[i].Kind == TokenKind.Word && ResultWords.Contains(tokens[i].Text));
            if (!boundary)
            {
                continue;
            }

            if (partStart < i)
            {
                var first = partStart;
                while (first < i && (tokens[first].IsOperator("(") || tokens[first].Kind == TokenKind.Word && tokens[first].Text.ToLowerInvariant() is "to" or "in" or "us" or "equal"))
                {
                    first++;
                }

                if (first < i && IsLoneNumber(tokens, first, i))
                {
                    return new Found(tokens[first].Number, partStart);
                }
            }

            partStart = i + 1;
        }

        return null;
    }

    private static bool IsLoneNumber(List<Token> tokens, int at, int end)
    {
        if (tokens[at].Kind != TokenKind.Number)
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
            TokenKind.Word => !OperatorWords.Contains(tokens[next].Text),
            _ => true,
        };
    }

    private static bool IsFormatPlaceholder(List<Token> tokens, int from, int end) =>
        end - from >= 3 && tokens[from].IsOperator("<") && tokens[from + 1].Kind is TokenKind.Word or TokenKind.Name && tokens[from + 2].IsOperator(">");

    private static bool HasName(List<Token> tokens, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (tokens[i].Kind == TokenKind.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNumber(List<Token> tokens, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (tokens[i].Kind == TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasOperator(List<Token> tokens, int from, int end)
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

    /// <summary>The text of tokens [from, to), trimmed of separators; null when empty.</summary>
    private static string? Slice(string text, List<Token> tokens, int from, int to)
    {
        if (from >= to || from >= tokens.Count)
        {
            return null;
        }

        var sliceEnd = tokens[Math.Min(to, tokens.Count) - 1].End;
        return TrimSeparators(text[tokens[from].Start..sliceEnd]);
    }

    private static string? TrimSeparators(string? work)
    {
        if (work is null)
        {
            return null;
        }

        var trimmed = work.Trim().TrimEnd('=', ',', ';', ':', '.').TrimEnd();
        if (trimmed.EndsWith("->", StringComparison.Ordinal) || trimmed.EndsWith("=>", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^2].TrimEnd();
        }

        foreach (var filler in (string[])[" which", " that", " so", ",", " and"])
        {
            if (trimmed.EndsWith(filler, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^filler.Length].TrimEnd();
            }
        }

        return trimmed.Length == 0 ? null : trimmed;
    }

    private static string Bound(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
