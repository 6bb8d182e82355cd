using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Aligns a reply's executions to a program's steps, attempt by attempt. Observations (snapshots, readouts) align to
/// nothing; echoes restate inputs or given initial values. An execution is placed (1) by exact step name
/// (<c>s3</c>, <c>a3#2</c>); (2) by step number, when the line gives one and its name (if any) is that step's
/// variable; (3) by variable, SSA-style: a variable's successive executions go to its successive writes, one
/// sequence alignment per variable, so missing and extra lines do not shift the rest and the order in which a reply
/// visits different variables does not matter; (4) by order, for bare values. A loop shortcut ("after the loop
/// n_0 = -7", a merged chain) claims only the write whose value it states: the last write of its variable before the
/// next placed execution. Executions for steps, numbers or writes the program does not have are extras.
/// </summary>
public static class TraceAligner
{
    public static TraceAlignment Align(StepProgram program, Trace truth, ParsedTrace parsed) => Align(program, truth, parsed, inOrderShortcut: true);

    /// <summary>
    /// <see cref="Align(StepProgram, Trace, ParsedTrace)"/>; <paramref name="inOrderShortcut"/> false fills the sequence
    /// alignment's table even where the claims meet the steps in order (for tests that hold the shortcut to the table).
    /// </summary>
    internal static TraceAlignment Align(StepProgram program, Trace truth, ParsedTrace parsed, bool inOrderShortcut)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(parsed);

        var index = ProgramIndex.For(program);
        var claims = parsed.Claims;
        var roles = new ClaimRole[claims.Count];
        var steps = new int?[claims.Count];
        var summaries = new bool[claims.Count];
        var values = new ParsedValue?[claims.Count];
        for (var c = 0; c < claims.Count; c++)
        {
            values[c] = claims[c].Value;
        }

        var start = 0;
        var attemptsInOrder = 0;
        while (start < claims.Count)
        {
            var end = start;
            while (end < claims.Count && claims[end].Attempt == claims[start].Attempt)
            {
                end++;
            }

            var attempt = new AttemptAligner(program, truth, index, claims, start, end, roles, steps, summaries, inOrderShortcut);
            attempt.Run();
            attemptsInOrder += attempt.DecidedInOrder ? 1 : 0;
            start = end;
        }

        var aligned = new AlignedClaim[claims.Count];
        // Steps without a claim share one empty history: an unrolled 10,000-step loop is mostly such steps.
        var history = new IReadOnlyList<AlignedClaim>[program.Steps.Count];
        Array.Fill(history, Array.Empty<AlignedClaim>());

        for (var c = 0; c < claims.Count; c++)
        {
            var claim = claims[c];
            if (claim.Kind == ReadingKind.NoChangeExecution && claim.Value is null && roles[c] == ClaimRole.Step && steps[c] is { } unchanged)
            {
                // "a2 = a2 (no change)": the value the model held before.
                claim = claim with { Value = HeldBefore(program, truth, index, history, unchanged) };
            }

            aligned[c] = new AlignedClaim(c, claim, roles[c], steps[c]) { Summarizes = summaries[c] };
            if (roles[c] is ClaimRole.Step or ClaimRole.InputEcho && steps[c] is { } step)
            {
                if (history[step] is not List<AlignedClaim> claimsOfStep)
                {
                    history[step] = claimsOfStep = [];
                }

                claimsOfStep.Add(aligned[c]);
            }
        }

        return new TraceAlignment(program, truth, parsed, aligned, history, index) { AttemptsInOrder = attemptsInOrder };
    }

    // The model's latest value of the variable a step writes, just before that step.
    private static ParsedValue? HeldBefore(StepProgram program, Trace truth, ProgramIndex index, IReadOnlyList<AlignedClaim>[] history, int step)
    {
        for (var previous = index.PreviousVersion[step]; previous >= 0; previous = index.PreviousVersion[previous])
        {
            for (var k = history[previous].Count - 1; k >= 0; k--)
            {
                if (history[previous][k].Claim.Value is { } value)
                {
                    return value;
                }
            }

            if (index.IsGiven[previous])
            {
                return ToParsed(truth.StepValues[previous]);
            }
        }

        var parameter = index.Parameter(program.Steps[step].Variable);
        return parameter >= 0 ? ToParsed(truth.Inputs[parameter]) : null;
    }

    internal static ParsedValue ToParsed(Value value) => value.Kind == ValueKind.Int64 ? ParsedValue.FromInt64(value.AsInt64) : ParsedValue.FromDouble(value.AsDouble);
}
