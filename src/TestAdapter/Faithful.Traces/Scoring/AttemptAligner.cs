using System.Collections.Immutable;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Scoring;

/// <summary>Places the claims of one attempt (see <see cref="TraceAligner"/>).</summary>
internal sealed class AttemptAligner(
    StepProgram program,
    Trace truth,
    ProgramIndex index,
    EquatableArray<ParsedClaim> claims,
    int start,
    int end,
    ClaimRole[] roles,
    int?[] steps,
    bool[] summaries,
    bool inOrderShortcut = true)
{
    private readonly bool _isRestart = claims[start].Attempt > 0;
    private readonly StatementMemo _statements = new(index, end - start);

    // The operation each claim's work shows ("(-61) / 2" shows '/'): evidence, like a restated statement, of which write it is.
    private readonly char[] _workOperator = Enumerable.Range(start, end - start).Select(c => WorkShape.Operator(claims[c].Work)).ToArray();

    // The first claim of a list that sums up a loop in closed form; in it, a variable's last value is its loop's end.
    private int _summariesFrom = int.MaxValue;

    /// <summary>Whether the in-order shortcut, not the alignment table, paired this attempt's sequenced claims.</summary>
    public bool DecidedInOrder { get; private set; }

    public void Run()
    {
        _summariesFrom = FirstClosedForm();
        var superseded = Superseded();
        var byVariable = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bare = new List<int>();
        var shortcutsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var claimedDirectly = new bool[program.Steps.Count];
        for (var c = start; c < end; c++)
        {
            var claim = claims[c];
            if (claim.Kind == ReadingKind.InputEcho)
            {
                Echo(c, claim);
                continue;
            }

            if (!claim.Executes)
            {
                roles[c] = ClaimRole.Observation;
                continue;
            }

            var number = claim.StepNumber is { } n && n >= 1 && n <= program.Steps.Count ? n - 1 : (int?)null;
            var name = claim.Name;
            if ((superseded is not null && superseded[c - start]) || (c >= _summariesFrom && name is not null && index.Writes(name).Length > 1 && RestatesSummary(c, name)))
            {
                roles[c] = ClaimRole.Observation;
                continue;
            }

            if (name is not null && index.Writes(name).Length > 0 && IsShortcut(c, claim, name))
            {
                if (!shortcutsOf.TryGetValue(name, out var list))
                {
                    shortcutsOf[name] = list = [];
                }

                list.Add(c);
            }
            else if (name is not null && index.TryGetStep(name, out var named))
            {
                Place(c, named);
                claimedDirectly[named] = true;
            }
            else if (number is { } numbered && (name is null || program.Steps[numbered].Variable == name || !index.IsVariable(name)))
            {
                Place(c, numbered);
                claimedDirectly[numbered] = true;
            }
            else if (name is not null && index.IsVariable(name))
            {
                if (!byVariable.TryGetValue(name, out var list))
                {
                    byVariable[name] = list = [];
                }

                list.Add(c);
            }
            else if (name is null && claim.StepNumber is null)
            {
                bare.Add(c);
            }
            else if (claim.Value is null && number is null)
            {
                // "result2 = g(10)" with no value, for a name the program does not have: a line of code that states
                // nothing computed, so it executes no step, invented or not.
                roles[c] = ClaimRole.Observation;
            }
            else
            {
                roles[c] = ClaimRole.Extra;
            }
        }

        // More summaries of a variable than its loop has runs are values of single steps after all ("after the first
        // iteration n_0 becomes -1" in a sentence that also sums up an inner loop).
        var shortcuts = new List<int>();
        foreach (var (variable, list) in shortcutsOf)
        {
            if (list.Count <= Runs(variable))
            {
                shortcuts.AddRange(list);
                continue;
            }

            if (!byVariable.TryGetValue(variable, out var steps))
            {
                byVariable[variable] = steps = [];
            }

            steps.AddRange(list);
            steps.Sort();
        }

        shortcuts.Sort();
        var sequenced = byVariable.Values.SelectMany(list => list).Concat(bare).Order().ToList();
        if (sequenced.Count > 0)
        {
            AlignSequence(sequenced, claimedDirectly);
        }

        if (shortcuts.Count > 0)
        {
            PlaceShortcuts(shortcuts);
        }
    }

    // An echo restates an input (no step) or a given initial value (its declaration step); anything else observes.
    private void Echo(int c, ParsedClaim claim)
    {
        roles[c] = ClaimRole.Observation;
        if (claim.Name is not { } name)
        {
            return;
        }

        if (index.Parameter(name) >= 0)
        {
            roles[c] = ClaimRole.InputEcho;
        }
        else if (index.GivenStep(name) is var given and >= 0)
        {
            roles[c] = ClaimRole.InputEcho;
            steps[c] = given;
        }
    }

    // A loop summary or a merged chain ("1 - 1 - 1 - 1 = -2" for "n_0 += -1"): it states one value, for the last write it covers.
    private bool IsShortcut(int c, ParsedClaim claim, string variable)
    {
        var writes = index.Writes(variable);
        if (claim.Shortcut)
        {
            // "3. The first loop runs 3 times:" over "n_1 = -1 - 1 = -2": work that applies the statement once is one
            // iteration shown, whatever the heading or sentence says of the loop (readers count it as that step).
            return claim.Work is not { } shown || !AppliesOnce(shown, writes);
        }

        if (writes.Length < 2)
        {
            return false;
        }

        if (InSummaryList(c, variable))
        {
            return true;
        }

        if (claim.Work is not { } work)
        {
            return false;
        }

        var most = 0;
        foreach (var write in writes)
        {
            most = Math.Max(most, index.Operators[write]);
            if (most > 1)
            {
                break;
            }
        }

        return WorkShape.MergesStatements(work, most);
    }

    // "-1 - 1" for "n_1 -= 1": a value and the statement's own amount, once.
    private bool AppliesOnce(string work, int[] writes)
    {
        if (writes.Length < 2)
        {
            return false;
        }

        var statementId = index.StatementOfStep[writes[0]];
        return index.AddedPerRun[statementId] is { } step && TryTerms(work, out _, out var second, out var count)
            && count == 2 && second == step && OneStatement(writes, statementId);
    }

    // The first claim of the attempt that is its variable's only execution and a closed form of its loop (below), or
    // int.MaxValue. A reply that sums one loop up this way lists the end values of all of them: "n_0 = -1 + 3 = 2", then
    // "n_4 = -1 (unchanged)" for a flip it miscounts, or "n_3 = 0 - 6" for a flip it turns into a subtraction.
    private int FirstClosedForm()
    {
        for (var c = start; c < end; c++)
        {
            var claim = claims[c];
            if (claim.Executes && claim.Kind != ReadingKind.InputEcho && claim.Name is { } name && claim.Work is { } work
                && index.Writes(name) is { Length: >= 2 } writes && ClosedForm(work, name, writes, out var repeated) && IsOnlyExecutionOf(c, name)
                && !ReadsValueAbove(c, work, repeated))
            {
                // The list it is in starts at the first of the named claims on the lines just above it.
                var first = c;
                while (first > start && claims[first - 1].Name is not null && claims[first - 1].Line >= claims[first].Line - 1)
                {
                    first--;
                }

                return first;
            }
        }

        return int.MaxValue;
    }

    // "n_0 = -1 + (-1) = -2", then "n_1 = -1 + (-2) = -3" for "n_1 += -1": the operand is the value the line above gave
    // another variable, written as a plain number, so the line adds or subtracts that variable (a look-back misread),
    // not the statement's amount twice over (jurassic2-ultra/complexity-cot/505, holdout64).
    private bool ReadsValueAbove(int c, string work, long operand) =>
        c > start && !work.Contains('*', StringComparison.Ordinal) && claims[c - 1] is { Name: { } above, Value.Int64: { } value }
        && above != claims[c].Name && (value == operand || value == -operand);

    // "n_2 = 1 - 6 = -5" for "n_2 -= 2" in a loop of 3, "n_4 = 1 - 3*3*3 = -26", "n_2 = 3*3*3 - 1 = 26" for "n_2 += 1"
    // from -1, "n_0 = 2*3 = 6" for "n_0 += 2" from 0: the initial value and the statement's literal k times over (k > 1)
    // are the loop's iterations in one line, a summary of the run, not a misread first write.
    private bool ClosedForm(string work, string variable, int[] writes, out long repeated)
    {
        repeated = 0;
        var statementId = index.StatementOfStep[writes[0]];
        if (index.AddedPerRun[statementId] is not { } step || !TryTerms(work, out var first, out var second, out var count))
        {
            return false;
        }

        var given = index.GivenStep(variable);
        long? initial = given >= 0 && truth.StepValues[given] is { Kind: ValueKind.Int64 } value ? value.AsInt64 : null;
        bool Repeats(long operand) => operand % step == 0 && operand / step > 1;
        (var repeats, repeated) = count switch
        {
            1 when initial == 0 => (Repeats(first), first),
            2 when initial is null || first == initial => (Repeats(second), second),
            2 when second == initial => (Repeats(first), first),
            _ => (false, 0L),
        };

        // Only a variable that one statement writes has "the" statement; checked last, as it walks every write.
        return repeats && OneStatement(writes, statementId);
    }

    private bool OneStatement(int[] writes, int statementId)
    {
        foreach (var write in writes)
        {
            if (index.StatementOfStep[write] != statementId)
            {
                return false;
            }
        }

        return true;
    }

    // The one or two terms of a sum of integer products ("1 - 3*3*3" is 1 and -27; spaces and parentheses ignored);
    // false for anything else. Read on every claim with work until a closed form turns up, so it allocates nothing.
    private static bool TryTerms(ReadOnlySpan<char> work, out long first, out long second, out int count)
    {
        (first, second, count) = (0, 0, 0);
        var (sign, product, number, inNumber) = (1L, (Int128)1, 0L, false);
        foreach (var ch in work)
        {
            if (ch is ' ' or '(' or ')')
            {
                continue;
            }

            if (ch is >= '0' and <= '9')
            {
                if (number > long.MaxValue / 10 - 9)
                {
                    return false;
                }

                (number, inNumber) = (number * 10 + (ch - '0'), true);
            }
            else if (ch == '*' && inNumber)
            {
                (product, number, inNumber) = (product * number, 0, false);
                if (product > long.MaxValue)
                {
                    return false;
                }
            }
            else if (ch is '+' or '-' && inNumber)
            {
                if (!AddTerm(sign * product * number, ref first, ref second, ref count))
                {
                    return false;
                }

                (sign, product, number, inNumber) = (ch == '-' ? -1 : 1, 1, 0, false);
            }
            else if (ch is '+' or '-' && product == 1)
            {
                // A sign before a term: "-1 + 3", "1 - (-2)".
                sign *= ch == '-' ? -1 : 1;
            }
            else
            {
                return false;
            }
        }

        return inNumber && AddTerm(sign * product * number, ref first, ref second, ref count);
    }

    private static bool AddTerm(Int128 term, ref long first, ref long second, ref int count)
    {
        if (count == 2 || term > long.MaxValue || term < long.MinValue)
        {
            return false;
        }

        if (count++ == 0)
        {
            first = (long)term;
        }
        else
        {
            second = (long)term;
        }

        return true;
    }

    private void Place(int c, int step)
    {
        roles[c] = index.IsGiven[step] ? ClaimRole.InputEcho : ClaimRole.Step;
        steps[c] = step;
    }

    // Variable-named and bare executions, aligned in one pass against the inputs and given values (optional
    // restatements) and the computed steps in order: a named claim may only meet a step writing that variable (or its
    // input or given value), a bare claim any computed step. Step order constrains the whole attempt, so a variable's
    // k-th claim meets its k-th write unless values show that a write was skipped or an extra one inserted.
    private void AlignSequence(List<int> sequenced, bool[] claimedDirectly)
    {
        var parameters = program.Parameters.Count;
        var inOrder = inOrderShortcut ? InOrder(sequenced, claimedDirectly) : null;
        DecidedInOrder = inOrder is not null;
        var pairing = inOrder ?? SequenceAligner.Align(
            sequenced.Count,
            parameters + program.Steps.Count,
            (ci, t) => Score(claims[sequenced[ci]], t, claimedDirectly, sequenced[ci]),
            (ci, row) => ScoreRow(sequenced[ci], row, claimedDirectly),
            IsOptionalTarget,
            freeLeadingTargets: _isRestart,
            optionalClaim: ci => claims[sequenced[ci]].Repeats);
        // Flattened nesting: each variable's own order is the reading when it states more of the values than the attempt's.
        if (inOrder is null && PerVariable(sequenced, claimedDirectly) is { } own && StatedValues(sequenced, own) > StatedValues(sequenced, pairing))
        {
            pairing = own;
        }

        FillFreeWrites(sequenced, pairing, parameters);
        for (var i = 0; i < sequenced.Count; i++)
        {
            var c = sequenced[i];
            var target = pairing[i];
            if (target < 0 && claims[c].Repeats)
            {
                roles[c] = ClaimRole.Observation;
            }
            else if (target < 0)
            {
                RepeatOrExtra(c, i > 0 ? sequenced[i - 1] : -1);
            }
            else if (target < parameters)
            {
                roles[c] = ClaimRole.InputEcho;
            }
            else
            {
                Place(c, target - parameters);
            }
        }
    }

    // A reply that runs nested loops as sibling loops or as flat rounds ("First loop: n_0 = -2, -3, -4. Second loop:
    // n_1 = ...") keeps each variable's own order, not the program's order across variables, so the attempt's order
    // pairs most of its values with wrong writes (n_1's first three values with its last three writes, after n_0's
    // last). A reader then matches each stated value to the next write of its variable in reply order and calls a
    // value extra only when no write is left for it (docs/labels.md, "Flattened nesting"). That reading, variable by
    // variable; null where a bare claim (no variable named) needs the attempt's order. A variable's first claims may
    // restate its input or given value; a repeat of a held value restates it unless the next write keeps that value.
    private int[]? PerVariable(List<int> sequenced, bool[] claimedDirectly)
    {
        var parameters = program.Parameters.Count;
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sequenced.Count; i++)
        {
            if (claims[sequenced[i]].Name is not { } name)
            {
                return null;
            }

            if (!members.TryGetValue(name, out var list))
            {
                members[name] = list = [];
            }

            list.Add(i);
        }

        if (members.Count < 2)
        {
            return null;
        }

        var pairing = new int[sequenced.Count];
        Array.Fill(pairing, -1);
        foreach (var (name, mine) in members)
        {
            var writes = index.Writes(name);
            var restated = index.GivenStep(name) is var given and >= 0 ? parameters + given : index.Parameter(name);
            var next = 0;
            var restatedTaken = false;
            foreach (var i in mine)
            {
                var c = sequenced[i];
                var claim = claims[c];
                var statesNext = next < writes.Length && claim.Value is { } value && value.Matches(truth.StepValues[writes[next]]);

                // A restatement where it scores more there than at the first write, less the cost of leaving that write
                // unclaimed ("a0 &= a4 -> a0 = 4" restates its statement: a wrong write, not an echo of a0's given 4).
                if (next == 0 && restated >= 0 && !statesNext
                    && Score(claim, restated, claimedDirectly, c) + (writes.Length > 0 ? SequenceAligner.MissingTargetScore : 0)
                        > (writes.Length > 0 ? Score(claim, parameters + writes[0], claimedDirectly, c) : 0))
                {
                    // Restated once; a repeat of the restatement stays unpaired, an observation.
                    pairing[i] = restatedTaken ? -1 : restated;
                    restatedTaken = true;
                }
                else if (claim.Repeats && !statesNext)
                {
                    // Left unpaired, a repeat is an observation.
                }
                else
                {
                    pairing[i] = next < writes.Length ? parameters + writes[next] : -1;
                    next++;
                }
            }
        }

        return pairing;
    }

    // How many claims a pairing meets at a target whose value they state: a write, or a restated input or given value
    // (only a faithful restatement pairs with those), so moving a restatement onto a write that keeps the value gains nothing.
    private int StatedValues(List<int> sequenced, int[] pairing)
    {
        var parameters = program.Parameters.Count;
        var count = 0;
        for (var i = 0; i < sequenced.Count; i++)
        {
            var step = pairing[i] - parameters;
            if (pairing[i] >= 0 && (step < 0 || (claims[sequenced[i]].Value is { } value && value.Matches(truth.StepValues[step]))))
            {
                count++;
            }
        }

        return count;
    }

    // The pairing the sequence alignment would find, without filling its table, when a reply executes the steps in
    // order. Claims are paired in order, each with the next step the table must not leave unclaimed or with an input
    // or given value before it, whichever it scores best at; a repeat that scores below zero everywhere stays
    // unpaired. The pairing stands if it claims every computed step, every paired claim scores there the best of its
    // row and better than unpaired, and a claim paired with an input or given value scores best there alone. It then
    // reaches the table's upper bound (each claim at its best, paired or not, no computed step left), and no other
    // pairing does: the unpaired repeats must stay so, every other claim must be paired at its best, those paired
    // with an input or given value are fixed, and the rest, as many as the computed steps, meet them in order one
    // way only. So the table would return it too. The one tie the walk settles itself is between repeats that score
    // alike at one target and nowhere else (a declaration stated twice): the table's way back gives that target to the
    // latest of them, and so does the walk. Null when the shape does not hold (a skipped or extra line, a wrong value
    // another write shares, a restart): the table decides those.
    private int[]? InOrder(List<int> sequenced, bool[] claimedDirectly)
    {
        var parameters = program.Parameters.Count;
        var targets = parameters + program.Steps.Count;

        // Fewer claims than computed steps cannot claim them all (a reply that stops early or skips steps, most real
        // replies to long loops): the walk would fail, so it is not begun.
        if (_isRestart || sequenced.Count < program.Steps.Count - index.GivenCount
            || (long)(sequenced.Count + 1) * (targets + 1) > SequenceAligner.MaxCells)
        {
            return null;
        }

        var pairing = new int[sequenced.Count];
        var next = 0;
        for (var ci = 0; ci < sequenced.Count; ci++)
        {
            var required = next;
            while (required < targets && IsOptionalTarget(required))
            {
                required++;
            }

            var c = sequenced[ci];
            var claim = claims[c];
            var best = -1;
            var bestScore = int.MinValue;
            for (var t = next; t <= required && t < targets; t++)
            {
                // On a tie the later target: a computed step rather than an optional value before it.
                var score = Score(claim, t, claimedDirectly, c);
                if (score >= bestScore)
                {
                    best = t;
                    bestScore = score;
                }
            }

            // "long n_0 = -1 -> n_0 = -1" states the given value twice (and a re-printed listing states it again): repeats
            // whose rows reach zero at the same one target only, with the same score, of which the target takes one while
            // the others stay unpaired at no cost (a repeat paired below zero only loses). Tracing back from the end, the
            // table breaks that tie for the latest of them (it pairs diagonally unless leaving a claim out scores strictly
            // more), so an earlier one stays unpaired. If the later one cannot be paired there after all (a claim between
            // them goes past the target), the walk fails at it below and leaves the pairing to the table.
            if (claim.Repeats && bestScore > 0 && TiesWithLaterRepeat(sequenced, ci, best, bestScore, claimedDirectly))
            {
                pairing[ci] = -1;
                continue;
            }

            // Left unpaired, a claim scores what an extra line costs: nothing for a repeat, which may only restate. A
            // repeat that every cell of its row scores below stays unpaired; any other claim must beat that cost.
            if (claim.Repeats && bestScore < 0 && !RowReaches(c, -1, 0, claimedDirectly))
            {
                pairing[ci] = -1;
                continue;
            }

            if (best < 0 || bestScore <= (claim.Repeats ? 0 : SequenceAligner.ExtraClaimScore))
            {
                return null;
            }

            var optional = IsOptionalTarget(best);
            if (RowReaches(c, best, optional ? bestScore : bestScore + 1, claimedDirectly))
            {
                return null;
            }

            pairing[ci] = best;
            next = best + 1;
        }

        for (var t = next; t < targets; t++)
        {
            if (!IsOptionalTarget(t))
            {
                return null;
            }
        }

        return pairing;
    }

    // Whether sequenced claim ci scores 'score' at 'target' and below zero everywhere else, and so does one of the next
    // few repeats that follow it without a break. The look is bounded so that a flood of repeats stays linear: one
    // further on is met by the walk itself, which then fails (the target is taken) and leaves the pairing to the table.
    // Out of line: the walk's loop runs per claim, and this only for repeats.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool TiesWithLaterRepeat(List<int> sequenced, int ci, int target, int score, bool[] claimedDirectly)
    {
        const int MaxLook = 32;
        if (RowReaches(sequenced[ci], target, 0, claimedDirectly))
        {
            return false;
        }

        var name = claims[sequenced[ci]].Name;
        for (var k = ci + 1; k < sequenced.Count && k <= ci + MaxLook && claims[sequenced[k]].Repeats; k++)
        {
            var later = sequenced[k];
            if (claims[later].Name == name && Score(claims[later], target, claimedDirectly, later) == score && !RowReaches(later, target, 0, claimedDirectly))
            {
                return true;
            }
        }

        return false;
    }

    // Inputs and given values: the table leaves them unclaimed at no cost.
    private bool IsOptionalTarget(int target) => target < program.Parameters.Count || index.IsGiven[target - program.Parameters.Count];

    // Whether a cell of claim c's row other than the one at target 'except' scores at least 'threshold', cell for cell
    // as ScoreRow would fill it. A write whose value the claim does not state scores at most a mismatch with the
    // restatement bonus, so it is scored only when that could reach the threshold.
    private bool RowReaches(int c, int except, int threshold, bool[] claimedDirectly)
    {
        if (threshold > SequenceAligner.MatchScore + SequenceAligner.StatementBonus)
        {
            return false;
        }

        var claim = claims[c];
        var parameters = program.Parameters.Count;
        var mismatchReaches = SequenceAligner.MismatchScore + SequenceAligner.StatementBonus >= threshold;
        var writes = new WriteScores(this, truth.StepValues.AsImmutableArray(), index, claim, c, claimedDirectly);
        if (claim.Name is not { } name)
        {
            for (var step = 0; step < program.Steps.Count; step++)
            {
                if (!index.IsGiven[step] && parameters + step != except && (mismatchReaches || writes.States(step)) && writes.At(step) >= threshold)
                {
                    return true;
                }
            }

            return false;
        }

        // An input scores at most a match; a given value a match, plus the bonus for a repeat.
        for (var p = 0; p < parameters && threshold <= SequenceAligner.MatchScore; p++)
        {
            if (p != except && program.Parameters[p].Name == name && Score(claim, p, claimedDirectly, c) >= threshold)
            {
                return true;
            }
        }

        if (threshold <= SequenceAligner.MatchScore + (claim.Repeats ? SequenceAligner.StatementBonus : 0)
            && index.GivenStep(name) is var given and >= 0 && parameters + given != except && Score(claim, parameters + given, claimedDirectly, c) >= threshold)
        {
            return true;
        }

        foreach (var write in index.Writes(name))
        {
            if (parameters + write != except && (mismatchReaches || writes.States(write)) && writes.At(write) >= threshold)
            {
                return true;
            }
        }

        return false;
    }

    // An execution left unpaired while its variable still has writes no claim took is one of those writes, computed
    // wrongly: a reader matches each stated value to the next write of its variable in reply order and calls a value
    // extra only when no write is left for it ("n_1 becomes 11, 13 and 15" after 5, where the program gives 7, 9, 11).
    // This holds for a variable written by one loop statement, whose writes nothing but order tells apart. With as many
    // executions as writes, the k-th meets the k-th; with fewer, an unpaired one takes the first free write between its
    // variable's placed neighbours.
    private void FillFreeWrites(List<int> sequenced, int[] pairing, int parameters)
    {
        var byVariable = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unpaired = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequenced.Count; i++)
        {
            var claim = claims[sequenced[i]];
            if (claim.Repeats || claim.Name is not { } name || !index.IsVariable(name) || (pairing[i] >= 0 && pairing[i] < parameters))
            {
                continue;
            }

            if (!byVariable.TryGetValue(name, out var list))
            {
                byVariable[name] = list = [];
            }

            list.Add(i);
            if (pairing[i] < 0)
            {
                unpaired.Add(name);
            }
        }

        foreach (var name in unpaired)
        {
            var mine = byVariable[name];
            var writes = index.Writes(name).Where(w => !index.IsGiven[w]).ToList();
            if (writes.Count == 0 || writes.Exists(w => index.StatementOfStep[w] != index.StatementOfStep[writes[0]])
                || mine.Exists(i => pairing[i] >= parameters && index.IsGiven[pairing[i] - parameters]))
            {
                // Writes by different statements are told apart by their values; only one loop statement's writes by order.
                continue;
            }

            if (mine.Count == writes.Count)
            {
                for (var k = 0; k < mine.Count; k++)
                {
                    pairing[mine[k]] = writes[k] + parameters;
                }

                continue;
            }

            var taken = new HashSet<int>(mine.Where(i => pairing[i] >= parameters).Select(i => pairing[i] - parameters));
            for (var k = 0; k < mine.Count; k++)
            {
                if (pairing[mine[k]] >= 0)
                {
                    continue;
                }

                var before = -1;
                for (var j = k - 1; j >= 0 && before < 0; j--)
                {
                    before = pairing[mine[j]] >= parameters ? pairing[mine[j]] - parameters : -1;
                }

                var after = int.MaxValue;
                for (var j = k + 1; j < mine.Count && after == int.MaxValue; j++)
                {
                    after = pairing[mine[j]] >= parameters ? pairing[mine[j]] - parameters : int.MaxValue;
                }

                foreach (var write in writes)
                {
                    if (write > before && write < after && taken.Add(write))
                    {
                        pairing[mine[k]] = write + parameters;
                        break;
                    }
                }
            }
        }
    }

    // A line repeated verbatim right after itself restates the same claim; any other unpaired execution is an extra.
    private void RepeatOrExtra(int c, int previous)
    {
        if (previous == c - 1 && previous >= 0 && string.Equals(claims[previous].Text, claims[c].Text, StringComparison.Ordinal))
        {
            roles[c] = roles[previous];
            steps[c] = steps[previous];
        }
        else
        {
            roles[c] = ClaimRole.Extra;
        }
    }

    // Score against every target, cell for cell what Score gives: a named claim can pair only with its variable's
    // input, given value and writes, so the rest of its row is Forbidden without asking; a bare claim only with
    // computed steps. Computed steps are scored by ScoreWrite, with the claim read once per row.
    private void ScoreRow(int claimIndex, Span<int> row, bool[] claimedDirectly)
    {
        var claim = claims[claimIndex];
        var parameters = program.Parameters.Count;
        row.Fill(SequenceAligner.Forbidden);
        var writeScores = new WriteScores(this, truth.StepValues.AsImmutableArray(), index, claim, claimIndex, claimedDirectly);
        if (claim.Name is not { } name)
        {
            for (var step = 0; step < row.Length - parameters; step++)
            {
                if (!index.IsGiven[step])
                {
                    row[parameters + step] = writeScores.At(step);
                }
            }

            return;
        }

        for (var p = 0; p < parameters; p++)
        {
            if (program.Parameters[p].Name == name)
            {
                row[p] = Score(claim, p, claimedDirectly, claimIndex);
            }
        }

        if (index.GivenStep(name) is var given and >= 0)
        {
            row[parameters + given] = Score(claim, parameters + given, claimedDirectly, claimIndex);
        }

        var writes = index.Writes(name);
        for (var w = 0; w < writes.Length; w++)
        {
            row[parameters + writes[w]] = writeScores.At(writes[w]);
        }
    }

    // One claim's ScoreWrite across a row, cell for cell the same: the claim's value is unwrapped once, and the
    // restatement bonus, which depends only on the step's statement and operator (a loop's writes share both), is
    // asked once per run of steps that share them instead of once per step.
    private struct WriteScores(AttemptAligner aligner, ImmutableArray<Value> truth, ProgramIndex index, ParsedClaim claim, int claimIndex, bool[] claimedDirectly)
    {
        private readonly bool _hasValue = claim.Value.HasValue;
        private readonly ParsedValue _value = claim.Value.GetValueOrDefault();
        private int _statement = -1;
        private char _operator;
        private int _restated;

        /// <summary>Whether the claim states the step's value.</summary>
        public readonly bool States(int step) => _hasValue && _value.Matches(truth[step]);

        public int At(int step)
        {
            if (States(step))
            {
                return SequenceAligner.MatchScore + Restated(step);
            }

            return claimedDirectly[step] ? SequenceAligner.Forbidden : claim.Repeats ? RepeatMismatch : SequenceAligner.MismatchScore + Restated(step);
        }

        private int Restated(int step)
        {
            var statement = index.StatementOfStep[step];
            var op = index.OperatorOf[step];
            if (statement != _statement || op != _operator)
            {
                _statement = statement;
                _operator = op;
                _restated = aligner.Restated(claim, step, claimIndex);
            }

            return _restated;
        }
    }

    private int Score(ParsedClaim claim, int target, bool[] claimedDirectly, int claimIndex)
    {
        var parameters = program.Parameters.Count;
        if (target < parameters)
        {
            // Only a faithful restatement of an input is an echo; a wrong one is a claim like any other.
            return claim.Name == program.Parameters[target].Name && ClaimValues.Equals(claim.Value, truth.Inputs[target])
                ? SequenceAligner.MatchScore
                : SequenceAligner.Forbidden;
        }

        var step = target - parameters;
        if (claim.Name is not null && claim.Name != program.Steps[step].Variable)
        {
            return SequenceAligner.Forbidden;
        }

        if (index.IsGiven[step])
        {
            // A given value is only restated, never computed: a faithful restatement is an echo, and a bare repeat of it
            // (a re-printed declaration) is one even where the first write happens to keep the value.
            return claim.Name is not null && ClaimValues.Equals(claim.Value, truth.StepValues[step])
                ? SequenceAligner.MatchScore + (claim.Repeats ? SequenceAligner.StatementBonus : 0)
                : SequenceAligner.Forbidden;
        }

        return ScoreWrite(claim, claim.Value, step, claimedDirectly, claimIndex);
    }

    // A computed step the claim may pair with (its variable's write, or any for a bare claim); value is claim.Value.
    private int ScoreWrite(ParsedClaim claim, ParsedValue? value, int step, bool[] claimedDirectly, int claimIndex)
    {
        if (value is { } v && v.Matches(truth.StepValues[step]))
        {
            return SequenceAligner.MatchScore + Restated(claim, step, claimIndex);
        }

        // A repeat of a held value is read as a restatement unless a write keeps that value.
        return claimedDirectly[step] ? SequenceAligner.Forbidden : claim.Repeats ? RepeatMismatch : SequenceAligner.MismatchScore + Restated(claim, step, claimIndex);
    }

    // A line that restates the step's own statement ("a6 /= 2 -> a6 = 8") is evidence of which write it is,
    // so a wrong value that happens to equal a neighbouring write's does not shift the alignment.
    private int Restated(ParsedClaim claim, int step, int claimIndex) =>
        _statements.Restates(claimIndex - start, step, claim.Text) ? SequenceAligner.StatementBonus
            : _workOperator[claimIndex - start] != '\0' && _workOperator[claimIndex - start] == index.OperatorOf[step] ? SequenceAligner.StatementBonus : 0;

    /// <summary>Pairing a repeat with a write it does not match costs more than leaving both unpaired.</summary>
    private const int RepeatMismatch = -2;


    // A variable's last value in a list of loop end values (from _summariesFrom on) is its loop's end value, as a closed
    // form in the same list is, unless the attempt has already summed that loop up to the same value (below).
    private bool InSummaryList(int c, string variable) => c >= _summariesFrom && IsLastExecutionOf(c, variable) && SummaryBefore(c, variable) is not true;

    // "It will remain -1 after the loop", then "n_2 remains -1" in the list of end values: the list restates the summary.
    private bool RestatesSummary(int c, string variable) => c >= _summariesFrom && IsLastExecutionOf(c, variable) && SummaryBefore(c, variable) is true;

    // Whether a summary of the variable's loop comes before claim c: true when one states c's value, false when only
    // others do ("b is 2 when n is even and 5 when n is odd" before "b = 2"), null when there is none.
    private bool? SummaryBefore(int c, string variable)
    {
        bool? found = null;
        if (Executions().SummariesOf.TryGetValue(variable, out var summaries))
        {
            foreach (var k in summaries)
            {
                if (k >= c)
                {
                    break;
                }

                if (DocumentPass.SameValue(claims[k].Value, claims[c].Value))
                {
                    return true;
                }

                found = false;
            }
        }

        return found;
    }

    // The summaries a list's end value supersedes: earlier summaries of the same loop, when the variable's loop runs once
    // (a loop that runs once has one end value, so other values stated for it were cases weighed, not results).
    private bool[]? Superseded()
    {
        if (_summariesFrom == int.MaxValue)
        {
            return null;
        }

        var superseded = new bool[end - start];
        for (var c = _summariesFrom; c < end; c++)
        {
            if (claims[c].Executes && claims[c].Name is { } variable && index.Writes(variable).Length >= 2
                && Runs(variable) == 1 && InSummaryList(c, variable) && SummaryBefore(c, variable) is false)
            {
                foreach (var k in Executions().SummariesOf[variable])
                {
                    superseded[k - start] |= k < c;
                }
            }
        }

        return superseded;
    }

    // How many runs of its loops a variable's writes make (one for a loop that runs once, or for no loop).
    private int Runs(string variable) => index.Writes(variable).Count(w => index.RunEnd[w]);

    private bool IsLastExecutionOf(int c, string variable) => Executions().Last.TryGetValue(variable, out var last) && last == c;

    // Whether claim c is the attempt's only execution of its variable: a summary of the variable's whole run. Without a
    // list of end values it is asked for a few summaries at most, and a scan costs less than building the table.
    private bool IsOnlyExecutionOf(int c, string variable)
    {
        if (_executions is null && _summariesFrom == int.MaxValue)
        {
            for (var k = start; k < end; k++)
            {
                if (k != c && claims[k].Executes && claims[k].Name == variable)
                {
                    return false;
                }
            }

            return true;
        }

        return Executions().Count.TryGetValue(variable, out var count) && count == 1 && IsLastExecutionOf(c, variable);
    }

    // Per variable, its executions in the attempt: how many, the last, and those that sum up a loop (in reply order).
    private sealed record ExecutionTable(Dictionary<string, int> Count, Dictionary<string, int> Last, Dictionary<string, List<int>> SummariesOf);

    private ExecutionTable? _executions;

    private ExecutionTable Executions()
    {
        if (_executions is { } built)
        {
            return built;
        }

        var table = new ExecutionTable(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        for (var k = start; k < end; k++)
        {
            if (claims[k].Executes && claims[k].Name is { } name)
            {
                table.Count[name] = table.Count.GetValueOrDefault(name) + 1;
                table.Last[name] = k;
                if (claims[k].Shortcut)
                {
                    if (!table.SummariesOf.TryGetValue(name, out var list))
                    {
                        table.SummariesOf[name] = list = [];
                    }

                    list.Add(k);
                }
            }
        }

        return _executions = table;
    }

    // Each shortcut claims one write of its variable: between the placed executions around it in reply order, the
    // latest write whose value it states, else the end of the loop run it summarizes, else the last write.
    private void PlaceShortcuts(List<int> shortcuts)
    {
        var isShortcut = new bool[end - start];
        foreach (var c in shortcuts)
        {
            isShortcut[c - start] = true;
        }

        var placedAfter = new int[end - start];
        var next = int.MaxValue;
        for (var c = end - 1; c >= start; c--)
        {
            placedAfter[c - start] = next;
            if (roles[c] == ClaimRole.Step && steps[c] is { } step && !isShortcut[c - start])
            {
                next = step;
            }
        }

        var lastOfVariable = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<int>();
        for (var c = start; c < end; c++)
        {
            if (roles[c] == ClaimRole.Step && steps[c] is { } step)
            {
                taken.Add(step);
            }
        }

        for (var k = 0; k < shortcuts.Count; k++)
        {
            var c = shortcuts[k];
            var claim = claims[c];
            var variable = claim.Name!;
            var writes = index.Writes(variable);
            // Only the variable's own earlier values bound a summary from the left: another variable's line before it may
            // belong to a loop the summary encloses.
            var left = Math.Max(PlacedBefore(c, variable), lastOfVariable.GetValueOrDefault(variable, -1));

            // A summary that is its variable's only execution, or its last value in a list of end values, states the loop's
            // end; another variable's line after it bounds it only in program order, which a reply that runs each variable
            // on its own does not keep.
            var wholeLoop = InSummaryList(c, variable) || IsOnlyExecutionOf(c, variable) || EndsItsWalk(c, variable) || SaysTheRunEnded(claim.Text);
            var right = wholeLoop ? int.MaxValue : placedAfter[c - start];
            var candidates = Between(writes, left, right, index.RunEnd);
            if (candidates.Count == 0)
            {
                candidates = Between(writes, left, right, null);
            }

            if (candidates.Count == 0)
            {
                candidates = Between(writes, lastOfVariable.GetValueOrDefault(variable, -1), int.MaxValue, index.RunEnd);
            }

            if (candidates.Count == 0)
            {
                roles[c] = ClaimRole.Extra;
                continue;
            }

            var chosen = -1;
            // A summary that is the attempt's only execution of its variable states the loop's end value: its last write,
            // whatever earlier write its value may happen to equal. Otherwise the latest write whose value it states.
            for (var i = candidates.Count - 1; i >= 0 && chosen < 0 && !wholeLoop; i--)
            {
                if (ClaimValues.Equals(claim.Value, truth.StepValues[candidates[i]]))
                {
                    chosen = candidates[i];
                }
            }

            if (chosen < 0)
            {
                var another = k + 1 < shortcuts.Count && claims[shortcuts[k + 1]].Name == variable && shortcuts[k + 1] < end
                    && placedAfter[shortcuts[k + 1] - start] == right;
                chosen = another ? candidates[0] : candidates[^1];
            }

            lastOfVariable[variable] = chosen;
            if (!taken.Add(chosen))
            {
                // The write is already shown by another line: the shortcut restates it.
                roles[c] = ClaimRole.Observation;
                continue;
            }

            Place(c, chosen);
            summaries[c] = true;
        }
    }

    // "Once the outer loop is done, a is 3 and b is -6": a summary said of the outermost loop's end states
    // the run's end value, whatever inner write its value may equal (ruling 3; gpt35/complexity-cot/305, holdout24).
    private static bool SaysTheRunEnded(string text) => Parsing.Reading.Lexicon.RunEndCues.InAnyCase(text);

    // "n_2 becomes -2, -4, -6, ..., -24 in the 27 iterations": a loop end after the first values on its line, and the
    // variable's last execution, is where the loop ends even when an earlier write happens to hold its (wrong) value.
    private bool EndsItsWalk(int c, string variable) =>
        c > start && claims[c - 1].Name == variable && claims[c - 1].Line == claims[c].Line && !claims[c - 1].Shortcut
        && IsLastExecutionOf(c, variable);

    // The step of the last execution of the same variable placed before claim c in this attempt, or -1.
    private int PlacedBefore(int c, string variable)
    {
        for (var k = c - 1; k >= start; k--)
        {
            if (roles[k] == ClaimRole.Step && steps[k] is { } step && program.Steps[step].Variable == variable)
            {
                return step;
            }
        }

        return -1;
    }

    private static List<int> Between(IReadOnlyList<int> writes, int left, int right, bool[]? runEnds)
    {
        var result = new List<int>();
        foreach (var write in writes)
        {
            if (write > left && write < right && (runEnds is null || runEnds[write]))
            {
                result.Add(write);
            }
        }

        return result;
    }
}
