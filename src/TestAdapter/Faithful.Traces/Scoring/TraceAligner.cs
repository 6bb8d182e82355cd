using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Aligns a reply's claims to a program's steps. Within each attempt, a claim is placed
/// (1) by exact step name (<c>s3</c>, <c>a3#2</c>); (2) by step number, when the line gives one and its name
/// (if any) is that step's variable; (3) by variable, SSA-style: a variable's successive claims go to its successive
/// writes (an input may be restated first, as version 0); (4) by order, for bare values. Groups (3) and (4) are
/// placed by one sequence alignment against the step order, so missing and extra lines do not shift the rest.
/// Claims for steps, numbers or writes the program does not have are extras.
/// </summary>
public static class TraceAligner
{
    public static TraceAlignment Align(StepProgram program, Trace truth, ParsedTrace parsed)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(parsed);

        var index = ProgramIndex.For(program);
        var claims = parsed.Claims;
        var roles = new ClaimRole[claims.Count];
        var steps = new int?[claims.Count];

        var start = 0;
        while (start < claims.Count)
        {
            var end = start;
            while (end < claims.Count && claims[end].Attempt == claims[start].Attempt)
            {
                end++;
            }

            AlignAttempt(program, truth, index, claims, start, end, roles, steps);
            start = end;
        }

        var aligned = new AlignedClaim[claims.Count];
        var history = new List<AlignedClaim>[program.Steps.Count];
        for (var s = 0; s < history.Length; s++)
        {
            history[s] = [];
        }

        for (var c = 0; c < claims.Count; c++)
        {
            aligned[c] = new AlignedClaim(c, claims[c], roles[c], steps[c]);
            if (roles[c] == ClaimRole.Step && steps[c] is { } step)
            {
                history[step].Add(aligned[c]);
            }
        }

        return new TraceAlignment(program, truth, parsed, aligned, history, index.Replay);
    }

    private static void AlignAttempt(
        StepProgram program,
        Trace truth,
        ProgramIndex index,
        EquatableArray<ParsedClaim> claims,
        int start,
        int end,
        ClaimRole[] roles,
        int?[] steps)
    {
        var sequenced = new List<int>();
        for (var c = start; c < end; c++)
        {
            var claim = claims[c];
            var number = claim.StepNumber is { } n && n >= 1 && n <= program.Steps.Count ? n - 1 : (int?)null;
            var name = claim.Name;
            if (name is not null && index.StepByName.TryGetValue(name, out var named))
            {
                Place(roles, steps, c, named);
            }
            else if (number is { } numbered && (name is null || program.Steps[numbered].Variable == name || !index.IsVariable(name)))
            {
                Place(roles, steps, c, numbered);
            }
            else if ((name is not null && index.IsVariable(name)) || (name is null && claim.StepNumber is null))
            {
                sequenced.Add(c);
            }
            else
            {
                roles[c] = ClaimRole.Extra;
            }
        }

        if (sequenced.Count > 0)
        {
            var claimedDirectly = new bool[program.Steps.Count];
            for (var c = start; c < end; c++)
            {
                if (roles[c] == ClaimRole.Step && steps[c] is { } step)
                {
                    claimedDirectly[step] = true;
                }
            }

            AlignSequence(program, truth, claims, sequenced, claimedDirectly, claims[start].Attempt > 0, roles, steps);
        }
    }

    // Variable-named and bare claims, aligned in one pass against the inputs (optional restatements, first) and then
    // the steps: a named claim may only meet a step writing that variable (or that input), a bare claim any step.
    // Step order constrains the whole attempt, so a variable's k-th claim meets its k-th write unless values show
    // that a write was skipped or an extra one inserted.
    // A step this attempt already claimed by name or number takes another claim only when the values agree.
    private static void AlignSequence(
        StepProgram program,
        Trace truth,
        EquatableArray<ParsedClaim> claims,
        List<int> sequenced,
        bool[] claimedDirectly,
        bool isRestart,
        ClaimRole[] roles,
        int?[] steps)
    {
        var parameterCount = program.Parameters.Count;
        var restated = new StatementCache(program, sequenced.Count);
        var pairing = SequenceAligner.Align(
            sequenced.Count,
            parameterCount + program.Steps.Count,
            (ci, t) => Score(program, truth, claims[sequenced[ci]], t, claimedDirectly, restated, ci),
            t => t < parameterCount,
            freeLeadingTargets: isRestart);

        for (var i = 0; i < sequenced.Count; i++)
        {
            var c = sequenced[i];
            var target = pairing[i];
            if (target < 0)
            {
                // A line repeated verbatim right after itself restates the same claim.
                if (i > 0 && sequenced[i - 1] == c - 1 && string.Equals(claims[c - 1].Text, claims[c].Text, StringComparison.Ordinal))
                {
                    roles[c] = roles[c - 1];
                    steps[c] = steps[c - 1];
                }
                else
                {
                    roles[c] = ClaimRole.Extra;
                }
            }
            else if (target < parameterCount)
            {
                roles[c] = ClaimRole.InputEcho;
            }
            else
            {
                Place(roles, steps, c, target - parameterCount);
            }
        }
    }

    private static int Score(StepProgram program, Trace truth, ParsedClaim claim, int target, bool[] claimedDirectly, StatementCache statements, int claimIndex)
    {
        var parameterCount = program.Parameters.Count;
        if (target < parameterCount)
        {
            // Only a faithful restatement of an input is an echo; a wrong one is a claim like any other.
            return claim.Name == program.Parameters[target].Name && ClaimValues.Equals(claim.Value, truth.Inputs[target])
                ? SequenceAligner.MatchScore
                : SequenceAligner.Forbidden;
        }

        var step = target - parameterCount;
        if (claim.Name is not null && claim.Name != program.Steps[step].Variable)
        {
            return SequenceAligner.Forbidden;
        }

        // A line that restates the step's own statement ("a6 /= 2 -> a6 = 8") is evidence of which write it is,
        // so a wrong value that happens to equal a neighbouring write's does not shift the alignment.
        var restated = statements.Restates(claimIndex, step, claim.Text) ? SequenceAligner.StatementBonus : 0;
        if (Matches(claim, truth, step))
        {
            return SequenceAligner.MatchScore + restated;
        }

        return claimedDirectly[step] ? SequenceAligner.Forbidden : SequenceAligner.MismatchScore + restated;
    }

    private static bool Matches(ParsedClaim claim, Trace truth, int stepIndex) =>
        stepIndex < truth.StepValues.Count && ClaimValues.Equals(claim.Value, truth.StepValues[stepIndex]);

    private static void Place(ClaimRole[] roles, int?[] steps, int claim, int step)
    {
        roles[claim] = ClaimRole.Step;
        steps[claim] = step;
    }

    /// <summary>Whether a claim line restates a step's statement, computed once per claim and distinct statement.</summary>
    private sealed class StatementCache
    {
        private readonly string[] _statements;
        private readonly int[] _statementOfStep;
        private readonly sbyte[]? _known;

        public StatementCache(StepProgram program, int claimCount)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            _statementOfStep = new int[program.Steps.Count];
            for (var i = 0; i < program.Steps.Count; i++)
            {
                var statement = program.Steps[i].SourceText.TrimEnd(';').Trim();
                if (!ids.TryGetValue(statement, out var id))
                {
                    id = ids.Count;
                    ids.Add(statement, id);
                }

                _statementOfStep[i] = id;
            }

            _statements = new string[ids.Count];
            foreach (var (statement, id) in ids)
            {
                _statements[id] = statement;
            }

            // Past the aligner's own bound (where it turns greedy) the answers are not kept.
            _known = (long)claimCount * _statements.Length <= SequenceAligner.MaxCells ? new sbyte[claimCount * _statements.Length] : null;
        }

        public bool Restates(int claimIndex, int step, string text)
        {
            var id = _statementOfStep[step];
            if (_known is null)
            {
                return RestatesStatement(text, _statements[id]);
            }

            var at = (claimIndex * _statements.Length) + id;
            if (_known[at] == 0)
            {
                _known[at] = RestatesStatement(text, _statements[id]) ? (sbyte)1 : (sbyte)-1;
            }

            return _known[at] > 0;
        }

        private static bool RestatesStatement(string text, string statement)
        {
            if (statement.Length == 0)
            {
                return false;
            }

            var at = text.IndexOf(statement, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + statement.Length;
                var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var endsWord = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (startsWord && endsWord)
                {
                    return true;
                }

                at = text.IndexOf(statement, at + 1, StringComparison.Ordinal);
            }

            return false;
        }
    }
}
