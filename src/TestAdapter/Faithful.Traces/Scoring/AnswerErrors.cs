using System.Globalization;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Scoring;

/// <summary>
/// A wrong final answer judged against the values the reply itself holds at the end (each variable's last stated value).
/// When those give the right answer, the answer misreports a faithful trace: it reads out another variable, an earlier
/// value, or sums other values than the final ones (<see cref="FailureMode.ReadoutError"/>), or it adds the right final
/// values up wrongly (<see cref="FailureMode.ArithmeticError"/>). When they do not, an answer that does not follow from
/// them is an arithmetic error; one that does is explained by the step errors.
/// </summary>
internal static class AnswerErrors
{
    public static void Add(TraceAlignment alignment, ParsedAnswer? final, List<Evidence> found)
    {
        if (final?.Value is not { } given || alignment.Truth.Answer is not { } truth || given.Matches(truth))
        {
            return;
        }

        AddWrong(alignment, final, given, truth, found);
    }

    /// <summary>
    /// With no step executed there are no final values to judge the answer by, but a wrong answer whose own shown sum
    /// does not come to it ("1-1+1-1+1+1+1-1+2 = 5") is still worked out wrongly: ruling 5 makes a shown sum the answer's
    /// computation, and the guide calls a misadded one an arithmetic error (llama2-70b/complexity-cot/213, holdout32; the
    /// readers split on this form, docs/labels.md, thirty-second held-out set).
    /// </summary>
    public static void AddMisworked(TraceAlignment alignment, ParsedAnswer? final, List<Evidence> found)
    {
        if (final?.Value is not { Int64: { } answered } given || alignment.Truth.Answer is not { } truth || given.Matches(truth)
            || WorkOf(alignment, final, given) is not { } work || WorksOutOtherwise(work, answered) is not { } worked)
        {
            return;
        }

        found.Add(new Evidence(FailureMode.ArithmeticError, $"the answer's own work comes to {worked}, not {given}", FailureClassifier.Lines(final.Line), EquatableArray<int>.Empty));
    }

    // With no step run, a listed sum counts too ("sum([-1, 0, 1, 1, -1, 0]) = -2": jurassic2-ultra/complexity-cot/115,
    // holdout33).
    private static long? WorksOutOtherwise(string work, long answered) => PartComingToOtherThan(work, answered, listedSums: true);

    // Apart from Add: its lambda captures the alignment, and C# builds the captured state on entry to the method that
    // declares it, so Add itself, called on every reply, allocates nothing when the answer is right.
    private static void AddWrong(TraceAlignment alignment, ParsedAnswer final, ParsedValue given, Value truth, List<Evidence> found)
    {
        var held = HeldFinals(alignment);
        var heldAnswer = alignment.ReplayAnswer(slot => held.TryGetValue(slot, out var value) ? value : alignment.ModelSlot(slot, int.MaxValue));
        var lines = FailureClassifier.Lines(final.Line);
        if (heldAnswer is { } right && right == truth)
        {
            if (InventedTotalOf(alignment, given) is { } invented)
            {
                // The answer reports a total the program has no statement for ("adds up the values n_0 took": an extra step,
                // by the readers' convention), not the trace's final values: no readout of them, right or wrong. A total
                // misadded on its own line is an arithmetic slip (llama2-70b/complexity-cot/6 and gpt4/complexity-cot/567,
                // extrasteps and holdout18, were read as readout errors as well; llama2-70b/complexity-cot/24, holdout10, as
                // a readout error for a misadded total).
                if (invented.Work is { } work && given.Int64 is { } total && PartComingToOtherThan(work, total, listedSums: false) is { } worked)
                {
                    found.Add(new Evidence(FailureMode.ArithmeticError, $"the invented total's own work comes to {worked}, not {given}", FailureClassifier.Lines(invented.Line), EquatableArray<int>.Empty));
                }

                return;
            }

            if (Readout(alignment, final, given, held) is { } how)
            {
                found.Add(new Evidence(FailureMode.ReadoutError, $"the trace holds the right final values (answer {truth}) but the answer {given} {how}", lines, EquatableArray<int>.Empty));
            }
            else if (!Array.Exists(alignment.Verdicts, v => v == StepVerdict.ExecutionError) && !ShowsComputation(alignment, final, given))
            {
                // Ruling 5: a bare number works nothing out, so it is no arithmetic error; over right finals and steps
                // without a slip it misreports a faithful execution (gpt4/complexity-cot/438, holdout35; the readers gave
                // the same to llama2-70b/complexity-cot/817 and /825, whose bare 2 drops the sign of a right -2).
                found.Add(new Evidence(FailureMode.ReadoutError, $"the trace holds the right final values (answer {truth}) but the answer is a bare {given}, worked out nowhere", lines, EquatableArray<int>.Empty));
            }
            else
            {
                if (MisaddedOtherValues(alignment, final, given, held) is { } misread)
                {
                    // Ruling 5 names both faults: a sum that reads another value than a final it holds (a readout) and adds
                    // its own terms up wrongly besides (arithmetic); holdout71 gpt35/complexity-redundant-cot/194's reader gave both.
                    found.Add(new Evidence(FailureMode.ReadoutError, $"the trace holds the right final values (answer {truth}) but the answer's sum {misread}", lines, EquatableArray<int>.Empty));
                }

                found.Add(new Evidence(FailureMode.ArithmeticError, $"the trace's final values give {truth} but the answer works them out as {given}", lines, EquatableArray<int>.Empty));
            }

            return;
        }

        // Ruling 5: a bare number with no computation shown executes nothing, so it is never an arithmetic error; a wrong
        // one that does not follow from the trace is left to the labels its steps and place earn (premature, extra).
        if ((heldAnswer is not { } own || !given.Matches(own)) && ShowsComputation(alignment, final, given))
        {
            found.Add(new Evidence(
                FailureMode.ArithmeticError,
                $"final answer {given} is wrong (expected {truth}) and does not follow from the trace's own final values{(heldAnswer is { } h ? $" ({h})" : "")}",
                lines,
                EquatableArray<int>.Empty));
        }
    }

    /// <summary>
    /// For each variable's final slot, the last value the reply stated for that variable: its last executed write, or an
    /// extra write on a later line (iterations past the bound go on changing the value the reply holds; an extra value
    /// on the line of the write, "n_7 = -1 ... so n_7 = 1", is a second reading of that write, not a later one).
    /// </summary>
    private static Dictionary<int, Value> HeldFinals(TraceAlignment alignment)
    {
        var program = alignment.Program;
        var finalSlot = FinalSlots(program);
        var held = new Dictionary<int, Value>();
        var stepLine = new Dictionary<int, int>();
        foreach (var aligned in alignment.Claims)
        {
            if (aligned.Role is not (ClaimRole.Step or ClaimRole.Extra) || aligned.Claim.Value is null)
            {
                continue;
            }

            var variable = aligned.StepIndex is { } step ? program.Steps[step].Variable : aligned.Claim.Name;
            if (variable is not null && finalSlot.TryGetValue(variable, out var slot)
                && ClaimValues.AsValue(aligned.Claim.Value, program.SlotKind(slot)) is { } value
                && (aligned.Role == ClaimRole.Step || !stepLine.TryGetValue(slot, out var line) || aligned.Claim.Line > line))
            {
                held[slot] = value;
                if (aligned.Role == ClaimRole.Step)
                {
                    stepLine[slot] = aligned.Claim.Line;
                }
            }
        }

        return held;
    }

    private static Dictionary<string, int> FinalSlots(StepProgram program)
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < program.Parameters.Count; p++)
        {
            slots[program.Parameters[p].Name] = p;
        }

        foreach (var step in program.Steps)
        {
            slots[step.Variable] = program.SlotOfStep(step.Index);
        }

        return slots;
    }

    // How the answer misreports the held values, or null when it is not a readout of them.
    // A sum shown with one term per answer variable whose terms are not the finals the reply holds and do not add up to the
    // answer either: "-20 + (-19) + ... = 969" over a held n_0 of -19 and terms that come to 1969. What it read in place of
    // the finals, or null.
    private static string? MisaddedOtherValues(TraceAlignment alignment, ParsedAnswer final, ParsedValue given, Dictionary<int, Value> held)
    {
        if (given.Int64 is not { } answered || TermsOfAnyPart(WorkOf(alignment, final, given)) is not { } terms || terms.Sum() == answered)
        {
            return null;
        }

        var answerSlots = new List<int>();
        LookBack.CollectReads(alignment.Program.Result, answerSlots);
        if (terms.Count != answerSlots.Count)
        {
            return null;
        }

        var finals = new List<long>(answerSlots.Count);
        foreach (var slot in answerSlots)
        {
            var value = held.TryGetValue(slot, out var h) ? h : alignment.ModelSlot(slot, int.MaxValue);
            if (value.Kind != ValueKind.Int64)
            {
                return null;
            }

            finals.Add(value.AsInt64);
        }

        var unread = finals.Order().ToList();
        var misread = new List<long>();
        foreach (var term in terms)
        {
            if (!unread.Remove(term))
            {
                misread.Add(term);
            }
        }

        return misread.Count == 0 ? null
            : $"reads {string.Join(", ", misread.Select(v => v.ToString(CultureInfo.InvariantCulture)))} where its finals are {string.Join(", ", unread.Select(v => v.ToString(CultureInfo.InvariantCulture)))}";
    }

    private static string? Readout(TraceAlignment alignment, ParsedAnswer final, ParsedValue given, Dictionary<int, Value> held)
    {
        var program = alignment.Program;
        var answerSlots = new List<int>();
        LookBack.CollectReads(program.Result, answerSlots);
        var heldValue = (int slot) => held.TryGetValue(slot, out var value) ? value : alignment.ModelSlot(slot, int.MaxValue);
        var stated = StatedValues(alignment);

        // "sum([0, -2, -4, -6]) = -12": the answer adds up values it held, but not its final ones. The work may sit on an
        // earlier statement of the same answer.
        // A total the reader took as an invented step ("Sum = 3 + 5 + 7 = 15" over one variable's values) may be the work too.
        var work = WorkOf(alignment, final, given);
        if (given.Int64 is { } answered && PartDisagrees(work, answered))
        {
            return null;
        }

        var shown = TermsOfAnyPart(work);
        if (shown is { Count: > 0 } terms && given.Int64 is { } total)
        {
            var finals = answerSlots.Select(heldValue).Where(v => v.Kind == ValueKind.Int64).Select(v => v.AsInt64).Order().ToList();
            if (terms.Sum() == total)
            {
                // Ruling 5: other values than the right finals, added rightly, misreport the trace, whether or not the
                // reply gave those values before.
                if (finals.SequenceEqual(terms.Order()))
                {
                    return null;
                }

                return terms.All(stated.Contains) ? "adds up values the reply held other than its final ones" : "adds up other values than its final ones";
            }

            // "sum([-11, 10, 20, 9, -19]) = -1": its own final values, added up wrongly, is an arithmetic slip.
            if (finals.SequenceEqual(terms.Order()))
            {
                return null;
            }
        }

        foreach (var slot in answerSlots)
        {
            var name = program.SlotName(slot);
            if (answerSlots.Count == 1)
            {
                // Another variable's final value.
                foreach (var (other, value) in held)
                {
                    if (other != slot && given.Matches(value))
                    {
                        return $"is the final value of {program.SlotName(other)}, not of {name}";
                    }
                }
            }

            var current = heldValue(slot);
            foreach (var earlier in stated.Where(v => v != (current.Kind == ValueKind.Int64 ? current.AsInt64 : long.MinValue)))
            {
                if (program.SlotKind(slot) == ValueKind.Int64 && Replays(alignment, slot, Value.FromInt64(earlier), heldValue, given))
                {
                    return $"uses {earlier} for {StepNames.VariableOf(name)} instead of its final value {current}";
                }
            }

            if (answerSlots.Count > 1)
            {
                if (Replays(alignment, slot, Value.FromInt64(0), heldValue, given))
                {
                    return $"leaves out {StepNames.VariableOf(name)}";
                }

                if (current.Kind == ValueKind.Int64 && Replays(alignment, slot, Value.FromInt64(unchecked(current.AsInt64 * 2)), heldValue, given))
                {
                    return $"counts {StepNames.VariableOf(name)} twice";
                }
            }
        }

        return null;
    }

    // Work before the value, or the return expression applied to its operands ("sum([n_0]) is 20"): a computation the
    // answer shows, as ruling 5 asks before a wrong answer can be an arithmetic error.
    private static bool ShowsComputation(TraceAlignment alignment, ParsedAnswer final, ParsedValue given) =>
        WorkOf(alignment, final, given) is not null
        || alignment.Parsed.Answers.Any(a => a.Value is { } v && v.Text == given.Text && a.Text.Contains("sum(", StringComparison.OrdinalIgnoreCase));

    // The invented total (InventedTotals) the answer repeats, if any: the last one with the answer's value.
    private static ParsedClaim? InventedTotalOf(TraceAlignment alignment, ParsedValue given) =>
        alignment.Parsed.Claims.LastOrDefault(c => IsInventedTotalOf(c, given));

    private static bool IsInventedTotalOf(ParsedClaim claim, ParsedValue given) =>
        claim.Name == InventedTotals.Name && claim.Value is { } v && v.Text == given.Text;

    // The computation shown for the answer: on its own line, on an earlier statement of the same answer, or on a total
    // the reader took as an invented step ("Sum = 3 + 5 + 7 = 15").
    private static string? WorkOf(TraceAlignment alignment, ParsedAnswer final, ParsedValue given) =>
        final.Work
        ?? alignment.Parsed.Answers.LastOrDefault(a => a.Work is not null && a.Value is { } v && v.Text == given.Text)?.Work
        ?? alignment.Parsed.Claims.LastOrDefault(c => c.Work is not null && IsInventedTotalOf(c, given))?.Work;

    /// <summary>
    /// Every wrong answer a faithful trace of <paramref name="truth"/> could be read out as: the answer with one of the
    /// values it reads replaced by another value the trace holds (another variable, an earlier version), left out or
    /// counted twice. A simulated arithmetic slip in the answer avoids these; a simulated readout error picks one.
    /// </summary>
    internal static HashSet<Value> ReadoutValues(Trace truth)
    {
        var program = truth.Program;
        var slots = new Value[program.SlotCount];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = i < program.Parameters.Count ? truth.Inputs[i] : truth.StepValues[i - program.Parameters.Count];
        }

        var values = ReadoutValues(program, slots);
        if (truth.Answer is { } answer)
        {
            values.Remove(answer);
        }

        return values;
    }

    /// <summary>The readout values of a trace that holds <paramref name="slots"/> (every slot's value as the reply has it).</summary>
    internal static HashSet<Value> ReadoutValues(StepProgram program, Value[] slots)
    {
        var replay = ProgramIndex.For(program).Replay;
        var answerSlots = new List<int>();
        LookBack.CollectReads(program.Result, answerSlots);
        var stated = new HashSet<Value>(slots);
        slots = (Value[])slots.Clone();

        var values = new HashSet<Value>();
        foreach (var slot in answerSlots)
        {
            var current = slots[slot];
            var replacements = stated.Where(v => v.Kind == current.Kind).ToList();
            if (current.Kind == ValueKind.Int64 && answerSlots.Count > 1)
            {
                replacements.Add(Value.FromInt64(0));
                replacements.Add(Value.FromInt64(unchecked(current.AsInt64 * 2)));
            }

            foreach (var replacement in replacements)
            {
                slots[slot] = replacement;
                if (replay.EvaluateAnswer(slots) is { } value)
                {
                    values.Add(value);
                }
            }

            slots[slot] = current;
        }

        if (replay.EvaluateAnswer(slots) is { } own)
        {
            values.Remove(own);
        }

        return values;
    }

    private static bool Replays(TraceAlignment alignment, int slot, Value replaced, Func<int, Value> heldValue, ParsedValue given) =>
        alignment.ReplayAnswer(s => s == slot ? replaced : heldValue(s)) is { } value && given.Matches(value);

    // Every integer the reply stated for a variable (any version, any attempt, echoes included), and the given values.
    private static HashSet<long> StatedValues(TraceAlignment alignment)
    {
        var stated = new HashSet<long>();
        foreach (var aligned in alignment.Claims)
        {
            if (aligned.Claim.Value?.Int64 is { } value)
            {
                stated.Add(value);
            }
        }

        for (var s = 0; s < alignment.Program.Steps.Count; s++)
        {
            if (alignment.IsGiven(s) && alignment.Truth.StepValues[s].Kind == ValueKind.Int64)
            {
                stated.Add(alignment.Truth.StepValues[s].AsInt64);
            }
        }

        foreach (var input in alignment.Truth.Inputs)
        {
            if (input.Kind == ValueKind.Int64)
            {
                stated.Add(input.AsInt64);
            }
        }

        return stated;
    }

    // "1 - 2*3 + 3*3 = -5 + 9 = 5" (its first part is 4): an earlier part of the answer's own work gives another
    // value (31) than the answer: the sum is worked out wrongly on the way (ruling 5's arithmetic error), not a readout of
    // other values (gpt4/complexity-cot/78, holdout23).
    private static bool PartDisagrees(string? work, long answered) =>
        work is not null && work.Contains('=') && PartComingToOtherThan(work, answered, listedSums: false) is not null;

    // What the first '='-separated part of an answer's work that computes (two numbers or more: "f(3)" applies the function
    // to its input, "(3)" computes nothing) comes to, when that is not the answer; with listedSums, a part that lists the
    // terms of a sum ("sum([0, -2, -4])") counts as well. Null when every part agrees.
    private static long? PartComingToOtherThan(string work, long answered, bool listedSums)
    {
        foreach (var part in work.Split('='))
        {
            // "</result>" split around its value leaves a ">" before the work it held.
            var tokens = Tokenizer.Tokenize(part.TrimStart().TrimStart('>'), NameRules.Prose);
            if (tokens.Count(t => t.Kind == TokenKind.Number) >= 2 && ArithmeticTokens.TryEvaluate(tokens, 0, tokens.Count, out var value) && value != answered)
            {
                return value;
            }

            if (listedSums && Terms(part) is { Count: >= 2 } terms && terms.Sum() is var total && total != answered)
            {
                return total;
            }
        }

        return null;
    }

    /// <summary>The signed integer terms of a sum as written ("21 + 1024 + (-1024)", "sum([0, -2, -4])"), or null when it is not one.</summary>
    // The terms of the first '='-separated part of the work that is a plain sum ("sum([1, 2]) = 1 + 2" gives 1, 2).
    private static List<long>? TermsOfAnyPart(string? work)
    {
        if (work is null)
        {
            return null;
        }

        foreach (var part in work.Split('='))
        {
            if (Terms(part) is { Count: > 0 } terms)
            {
                return terms;
            }
        }

        return null;
    }

    internal static List<long>? Terms(string? work)
    {
        if (string.IsNullOrWhiteSpace(work))
        {
            return null;
        }

        var terms = new List<long>();
        var sign = 1;
        var i = 0;
        var expectTerm = true;
        while (i < work.Length)
        {
            var c = work[i];
            if (char.IsDigit(c))
            {
                var start = i;
                while (i < work.Length && char.IsDigit(work[i]))
                {
                    i++;
                }

                if (!expectTerm || !long.TryParse(work.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return null;
                }

                terms.Add(sign * number);
                sign = 1;
                expectTerm = false;
                continue;
            }

            switch (c)
            {
                case '+' or ',':
                    expectTerm = true;
                    break;
                case '-':
                    sign = -sign;
                    expectTerm = true;
                    break;
                case ' ' or '(' or ')' or '[' or ']' or '\u2009':
                    break;
                default:
                    if (!(char.IsLetter(c) && work.AsSpan(i).StartsWith("sum", StringComparison.OrdinalIgnoreCase)))
                    {
                        return null;
                    }

                    i += 3;
                    continue;
            }

            i++;
        }

        return terms;
    }
}
