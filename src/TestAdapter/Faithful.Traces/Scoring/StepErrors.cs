using Faithful.Model;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Fresh step errors: a step whose value is wrong given the values the reply itself holds (including a value copied
/// from an operand, and a misread given value) is an arithmetic error; one that equals the step computed with an older
/// version of a variable it reads is also a stale operand (a look-back failure).
/// </summary>
internal static class StepErrors
{
    /// <summary>How many versions back a stale operand is looked for.</summary>
    private const int LookBackVersions = 3;

    public static void Add(TraceAlignment alignment, List<Evidence> found)
    {
        // One pass over the verdicts (thousands for an unrolled loop), without a delegate per step.
        var fresh = new List<int>();
        var verdicts = alignment.Verdicts;
        for (var s = 0; s < verdicts.Length; s++)
        {
            if (verdicts[s] == StepVerdict.ExecutionError)
            {
                fresh.Add(s);
            }
        }
        if (fresh.Count == 0 || (fresh.TrueForAll(alignment.IsGiven) && !ExecutesAnyStep(alignment)))
        {
            // A misread given value with no step executed works nothing out: the guide's "a wrong answer with no executed
            // step is premature and under-executed, not an arithmetic error" (llama2-70b/complexity-cot/906, holdout47).
            return;
        }

        var names = alignment.Program.Steps;
        var stale = new List<(int Step, string Explanation)>();
        foreach (var step in fresh)
        {
            if (!alignment.IsGiven(step) && StaleRead(alignment, step) is { } explanation)
            {
                stale.Add((step, explanation));
            }
        }

        found.Add(new Evidence(
            FailureMode.ArithmeticError,
            $"{fresh.Count} step(s) computed wrong from the model's own values, first {names[fresh[0]].Name}{(alignment.IsGiven(fresh[0]) ? " (a given value misread)" : "")}",
            fresh.Select(s => alignment.Final[s]!.Claim.Line).ToEquatableArray(),
            fresh.ToEquatableArray()));

        if (stale.Count > 0)
        {
            found.Add(new Evidence(
                FailureMode.StaleOperand,
                $"{stale.Count} wrong step value(s) equal the step computed with an older value of an operand: {stale[0].Explanation}",
                stale.Select(s => alignment.Final[s.Step]!.Claim.Line).ToEquatableArray(),
                stale.Select(s => s.Step).ToEquatableArray()));
        }
    }

    // Executed as the under-execution count has it ("0 of N step(s) executed").
    private static bool ExecutesAnyStep(TraceAlignment alignment)
    {
        for (var s = 0; s < alignment.Program.Steps.Count; s++)
        {
            if (!alignment.IsGiven(s) && alignment.IsExecuted(s))
            {
                return true;
            }
        }

        return false;
    }

    // The wrong value equals the step replayed with one read slot replaced by an older version of that slot's variable.
    private static string? StaleRead(TraceAlignment alignment, int step)
    {
        var claim = alignment.Final[step]!;
        var value = claim.Claim.Value!.Value;
        var program = alignment.Program;
        var parameters = program.Parameters.Count;
        var reads = new List<int>();
        LookBack.CollectReads(program.Steps[step].Expression, reads);
        foreach (var read in reads)
        {
            if (read < parameters)
            {
                continue;
            }

            var current = alignment.ModelSlot(read, claim.ClaimIndex);
            var older = PreviousSlot(alignment, read);
            for (var back = 1; back <= LookBackVersions && older is { } slot; back++)
            {
                var stale = alignment.ModelSlot(slot, claim.ClaimIndex);
                if (stale != current
                    && alignment.ReplayStep(step, s => s == read ? stale : alignment.ModelSlot(s, claim.ClaimIndex)) is { } replayed
                    && value.Matches(replayed))
                {
                    var readName = program.SlotName(read);
                    var olderName = program.SlotName(slot);
                    return $"{program.Steps[step].Name} = {value} is {program.Steps[step].SourceText.TrimEnd(';')} with {olderName} = {stale} instead of {readName} = {current}";
                }

                older = PreviousSlot(alignment, slot);
            }
        }

        return null;
    }

    // The slot of the version written before this one (the input for version 1 of an input's variable), or null.
    private static int? PreviousSlot(TraceAlignment alignment, int slot)
    {
        var parameters = alignment.Program.Parameters.Count;
        if (slot < parameters)
        {
            return null;
        }

        var step = slot - parameters;
        if (alignment.PreviousVersion(step) is var previous and >= 0)
        {
            return parameters + previous;
        }

        var input = alignment.InputOf(alignment.Program.Steps[step].Variable);
        return input >= 0 ? input : null;
    }
}
