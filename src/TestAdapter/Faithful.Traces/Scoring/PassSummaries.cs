using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Passes of the outermost loop summed up one value per variable: "Iteration 2: n_0 = 1 * -1 = -1, n_1 = -3 - 3 = -6,
/// n_3 = 3 + 3 = 6, ..." where each inner variable's value is where the whole pass took it (n_1 += -1 run three times a
/// pass, shown as one subtraction of 3). The readers place such a value on the variable's last write in that pass, so a
/// reply whose last pass is summed up reaches the program's last write (not premature), and a wrong count is an
/// arithmetic error. Matched in reply order against the next writes instead, each pass's values fell on the first
/// writes of the pass and the answer looked premature (holdout llama3-70b/complexity-cot/239, dev /459).
/// </summary>
internal static class PassSummaries
{
    /// <summary>
    /// For each claim in [start, end) of an attempt, the write a pass summary stands for, or -1; null when none. A pass
    /// starts at a claim of the outermost loop's first statement's variable (one write further each time); it is summed
    /// up when no variable executes twice in it and one of its values shows a run summed up: read as a loop summary,
    /// work adding the statement's amount two or more times at once, or a move by exactly the pass's writes. Only
    /// variables summed up in two or more passes are placed.
    /// </summary>
    public static int[]? Targets(StepProgram program, Trace truth, ProgramIndex index, EquatableArray<ParsedClaim> claims, int start, int end)
    {
        var starts = index.OuterIterationStarts;
        if (starts is null)
        {
            return null;
        }

        var outer = program.Steps[starts[0]].Variable;

        // Passes are told apart by the outer variable's own values, one write each: a single one opens no second pass,
        // more than the loop has are not passes of it, and one that jumps several writes ahead ("this repeats 3 times,
        // so n_0 becomes 6") sums the loop up rather than opening the next pass.
        var outerClaims = 0;
        long? previous = index.GivenStep(outer) is var given and >= 0 && truth.StepValues[given].Kind == ValueKind.Int64 ? truth.StepValues[given].AsInt64 : null;
        var amount = index.AddedPerRun[index.StatementOfStep[starts[0]]];
        for (var c = start; c < end; c++)
        {
            if (!claims[c].Executes || claims[c].Name != outer || claims[c].Value is not { } value)
            {
                continue;
            }

            if (outerClaims >= starts.Length
                || !(value.Matches(truth.StepValues[starts[outerClaims]]) || (previous + amount is { } next && value.Int64 == next)))
            {
                return null;
            }

            outerClaims++;
            previous = value.Int64;
        }

        if (outerClaims < 2)
        {
            return null;
        }

        // A variable summed up in one pass only is left to the loop summaries ("n_2 *= -1 => n_2 = 0 (executed 3 times, no
        // change)" once, for the whole run: holdout7 llama3-70b/complexity-code/69).
        var passesOf = new Dictionary<string, (int Last, int Count)>(StringComparer.Ordinal);
        var counted = 0;
        for (var c = start; c < end; c++)
        {
            if (!claims[c].Executes || claims[c].Name is not { } name)
            {
                continue;
            }

            if (name == outer && claims[c].Value is not null)
            {
                counted++;
            }
            else if (counted > 0 && passesOf.GetValueOrDefault(name) is var (last, count) && last != counted)
            {
                passesOf[name] = (counted, count + 1);
            }
        }

        int[]? targets = null;
        var pass = 0;
        var from = -1;
        for (var c = start; c <= end; c++)
        {
            var closes = c == end || (claims[c].Executes && claims[c].Name == outer && claims[c].Value is not null);
            if (!closes)
            {
                continue;
            }

            if (pass >= 1 && pass <= starts.Length)
            {
                SumUp(program, truth, index, claims, start, passesOf, from, c, starts, pass, ref targets);
            }

            pass++;
            from = c + 1;
        }

        return targets;
    }

    private static void SumUp(StepProgram program, Trace truth, ProgramIndex index, EquatableArray<ParsedClaim> claims, int attemptStart, Dictionary<string, (int Last, int Count)> passesOf, int from, int to, int[] starts, int pass, ref int[]? targets)
    {
        var spanFrom = starts[pass - 1];
        var spanTo = pass < starts.Length ? starts[pass] : program.Steps.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var multiple = false;
        for (var c = from; c < to; c++)
        {
            if (!claims[c].Executes || claims[c].Name is not { } name)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                return;
            }

            if (LastWriteIn(index.Writes(name), spanFrom, spanTo, out var writesInPass) is var last and >= 0 && writesInPass > 1)
            {
                multiple |= ShowsSeveralRuns(index, claims[c], last) || MovesByWholePass(truth, index, claims, attemptStart, c, last, writesInPass);
            }
        }

        if (!multiple)
        {
            return;
        }

        for (var c = from; c < to; c++)
        {
            if (claims[c].Executes && claims[c].Name is { } name && passesOf.GetValueOrDefault(name).Count >= 2
                && LastWriteIn(index.Writes(name), spanFrom, spanTo, out var writesInPass) is var last and >= 0 && writesInPass > 1)
            {
                // In an earlier pass, a value the variable takes within the pass is that write's ("decrementing n_2 to -7"
                // after its first inner run: dev gpt4/complexity-cot/64; "n_1 stays 1"); any other is where the pass took it.
                // The last pass's values are where the loop ends, whatever earlier write they may happen to equal.
                targets ??= NewTargets(claims.Count);
                targets[c] = (pass < starts.Length ? LastWriteWith(truth, index.Writes(name), spanFrom, spanTo, claims[c].Value) : null) ?? last;
            }
        }
    }

    // "n_1 += -1  # n_1 = -6" after "# n_1 = -1, -2, -3" in the pass before: the value is the previous one (the variable's
    // last value in the attempt, else its given one) moved by exactly the pass's writes of the statement, each adding its
    // amount: the whole pass summed up (holdout8 llama3-70b/complexity-cot/87).
    private static bool MovesByWholePass(Trace truth, ProgramIndex index, EquatableArray<ParsedClaim> claims, int attemptStart, int c, int write, int writesInPass)
    {
        if (index.AddedPerRun[index.StatementOfStep[write]] is not { } amount || claims[c].Value?.Int64 is not { } value || claims[c].Name is not { } name)
        {
            return false;
        }

        long? previous = null;
        for (var k = c - 1; k >= attemptStart && previous is null; k--)
        {
            if (claims[k].Name == name && (claims[k].Executes || claims[k].Kind == ReadingKind.InputEcho))
            {
                previous = claims[k].Value?.Int64;
                break;
            }
        }

        if (previous is null && index.GivenStep(name) is var given and >= 0 && truth.StepValues[given].Kind == ValueKind.Int64)
        {
            previous = truth.StepValues[given].AsInt64;
        }

        return previous is { } before && value - before == amount * writesInPass;
    }

    private static int[] NewTargets(int count)
    {
        var targets = new int[count];
        Array.Fill(targets, -1);
        return targets;
    }

    private static int? LastWriteWith(Trace truth, int[] writes, int from, int to, ParsedValue? value)
    {
        int? found = null;
        foreach (var write in writes)
        {
            if (write >= from && write < to && write < truth.StepValues.Count && value is { } stated && stated.Matches(truth.StepValues[write]))
            {
                found = write;
            }
        }

        return found;
    }

    // The variable's last write in [from, to), with how many it has there; -1 when none.
    private static int LastWriteIn(int[] writes, int from, int to, out int count)
    {
        count = 0;
        var last = -1;
        foreach (var write in writes)
        {
            if (write >= from && write < to)
            {
                count++;
                last = write;
            }
        }

        return last;
    }

    // Whether claim c shows its loop run several times: read as a loop summary ("(after 3 iterations of n_1 += 2)",
    // "executed 3 times"), or work that adds the statement's amount two or more times over at once ("n_1 = 0 - 3" for
    // n_1 += -1, "-1 + 2*3" for += 2). Bare values are not enough: readers match those to the next writes (flattened
    // nesting), as they did for dev llama3-70b/complexity-cot/389 and holdout7 gpt35/complexity-cot/416.
    private static bool ShowsSeveralRuns(ProgramIndex index, ParsedClaim claim, int write)
    {
        if (claim.Shortcut)
        {
            return true;
        }

        return index.AddedPerRun[index.StatementOfStep[write]] is { } amount && amount != 0 && claim.Work is { } work
            && AttemptAligner.TryTerms(work, out _, out var added, out var count) && count == 2
            && added % amount == 0 && added / amount >= 2;
    }
}
