using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Aligns a reply's claims to a program's steps. Within each attempt, a claim is placed
/// (1) by exact step name (<c>s3</c>, <c>a3#2</c>); (2) by step number, when the line gives one and its name
/// (if any) is that step's variable; (3) by variable, SSA-style: a variable's successive claims are aligned to its
/// successive writes (an input may be restated first, as version 0); (4) by order, for bare values.
/// Groups (3) and (4) use a sequence alignment, so missing and extra lines do not shift the rest.
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

        return new TraceAlignment(program, truth, parsed, aligned, history, new ExpressionReplay(program));
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
        var byVariable = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byOrder = new List<int>();
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
                byOrder.Add(c);
            }
            else
            {
                roles[c] = ClaimRole.Extra;
            }
        }

        foreach (var (variable, group) in byVariable)
        {
            AlignVariable(program, truth, index, claims, variable, group, roles, steps);
        }

        if (byOrder.Count > 0)
        {
            var pairing = SequenceAligner.Align(
                byOrder.Count,
                program.Steps.Count,
                (ci, s) => Matches(claims[byOrder[ci]], truth, s),
                _ => false);
            for (var i = 0; i < byOrder.Count; i++)
            {
                if (pairing[i] >= 0)
                {
                    Place(roles, steps, byOrder[i], pairing[i]);
                }
                else
                {
                    roles[byOrder[i]] = ClaimRole.Extra;
                }
            }
        }
    }

    private static void AlignVariable(
        StepProgram program,
        Trace truth,
        ProgramIndex index,
        EquatableArray<ParsedClaim> claims,
        string variable,
        List<int> group,
        ClaimRole[] roles,
        int?[] steps)
    {
        // Targets: version 0 (the input, optional) for a parameter, then each write in order.
        var writes = index.WritesOf(variable);
        var parameterSlot = index.ParameterSlot(variable);
        var hasInput = parameterSlot >= 0;
        var offset = hasInput ? 1 : 0;

        // A line repeated verbatim right after itself restates the same write: align it with the original.
        var kept = new List<int>(group.Count);
        var repeatOf = new Dictionary<int, int>();
        foreach (var c in group)
        {
            if (kept.Count > 0 && IsRepeat(claims[kept[^1]], claims[c], kept[^1], c))
            {
                repeatOf[c] = kept[^1];
            }
            else
            {
                kept.Add(c);
            }
        }

        var pairing = SequenceAligner.Align(
            kept.Count,
            writes.Count + offset,
            (ci, t) => hasInput && t == 0
                ? ClaimValues.Equals(claims[kept[ci]].Value, truth.Inputs[parameterSlot])
                : Matches(claims[kept[ci]], truth, writes[t - offset]),
            t => hasInput && t == 0);

        for (var i = 0; i < kept.Count; i++)
        {
            var c = kept[i];
            if (pairing[i] < 0)
            {
                roles[c] = ClaimRole.Extra;
            }
            else if (hasInput && pairing[i] == 0)
            {
                roles[c] = ClaimRole.InputEcho;
            }
            else
            {
                Place(roles, steps, c, writes[pairing[i] - offset]);
            }
        }

        foreach (var (repeat, original) in repeatOf)
        {
            roles[repeat] = roles[original];
            steps[repeat] = steps[original];
        }
    }

    private static bool IsRepeat(ParsedClaim previous, ParsedClaim current, int previousIndex, int currentIndex) =>
        currentIndex == previousIndex + 1
        && string.Equals(previous.Text, current.Text, StringComparison.Ordinal)
        && previous.Value == current.Value;

    private static bool Matches(ParsedClaim claim, Trace truth, int stepIndex) =>
        stepIndex < truth.StepValues.Count && ClaimValues.Equals(claim.Value, truth.StepValues[stepIndex]);

    private static void Place(ClaimRole[] roles, int?[] steps, int claim, int step)
    {
        roles[claim] = ClaimRole.Step;
        steps[claim] = step;
    }
}
