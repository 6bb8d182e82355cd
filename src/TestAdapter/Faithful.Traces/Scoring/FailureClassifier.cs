using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>What the classifier found: every mode that applies (primary first) with its evidence.</summary>
public sealed record Classification(FailureMode PrimaryMode, EquatableArray<FailureMode> Modes, EquatableArray<Evidence> Evidence);

/// <summary>
/// Assigns the study's failure modes to an aligned reply, each with the lines and steps that show it.
/// Definitions and examples: docs/failure-modes.md. The primary mode is the first that applies in
/// <see cref="Precedence"/>: the most structural failure first, arithmetic last.
/// </summary>
public static class FailureClassifier
{
    /// <summary>The order in which modes win the primary slot.</summary>
    public static IReadOnlyList<FailureMode> Precedence { get; } =
    [
        FailureMode.MissingAnswer,
        FailureMode.PrematureAnswer,
        FailureMode.HallucinatedSteps,
        FailureMode.UnderExecuted,
        FailureMode.SelfCorrection,
        FailureMode.ArithmeticError,
        FailureMode.Correct,
    ];

    public static Classification Classify(TraceAlignment alignment, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        options ??= ScoringOptions.Default;
        var found = new List<Evidence>();
        var parsed = alignment.Parsed;
        var answer = alignment.Truth.Answer;
        var firstAnswer = parsed.FirstAnswer;
        var lastReadable = LastReadableAnswer(parsed);
        var stepClaims = alignment.Claims.Where(c => c.Role == ClaimRole.Step).ToList();
        var judgeProcess = options.RequireTrace || stepClaims.Count > 0;

        if (lastReadable is null)
        {
            found.Add(new Evidence(
                FailureMode.MissingAnswer,
                parsed.Answers.Count == 0 ? "the reply gives no final answer" : "every final answer the reply gives is empty or not a number",
                parsed.Answers.Select(a => a.Line).ToEquatableArray(),
                EquatableArray<int>.Empty));
        }

        if (judgeProcess)
        {
            AddPremature(alignment, firstAnswer, stepClaims, found);
            AddHallucinated(alignment, options, found);
            var copied = AddUnderExecuted(alignment, stepClaims, found);
            AddSelfCorrection(alignment, parsed, answer, found);
            AddArithmetic(alignment, lastReadable, answer, copied, found);
        }
        else if (lastReadable?.Value is { } finalValue && answer is { } truth && !finalValue.Matches(truth))
        {
            found.Add(new Evidence(FailureMode.ArithmeticError, $"final answer {finalValue} is wrong (expected {truth})", Lines(lastReadable.Line), EquatableArray<int>.Empty));
        }

        if (found.Count == 0)
        {
            found.Add(new Evidence(FailureMode.Correct, "every step and the final answer are correct", EquatableArray<int>.Empty, EquatableArray<int>.Empty));
        }

        var ordered = found.OrderBy(e => IndexOf(e.Mode)).ToList();
        var modes = ordered.Select(e => e.Mode).Distinct().ToEquatableArray();
        return new Classification(modes[0], modes, ordered.ToEquatableArray());
    }

    private static int IndexOf(FailureMode mode)
    {
        for (var i = 0; i < Precedence.Count; i++)
        {
            if (Precedence[i] == mode)
            {
                return i;
            }
        }

        return Precedence.Count;
    }

    private static ParsedAnswer? LastReadableAnswer(ParsedTrace parsed)
    {
        for (var i = parsed.Answers.Count - 1; i >= 0; i--)
        {
            if (parsed.Answers[i].Value is not null)
            {
                return parsed.Answers[i];
            }
        }

        return null;
    }

    // Premature: the first answer comes before every step was executed: steps are first claimed after it (the
    // model answered, then went on executing), the steps before it stop short of the end and the rest are never
    // claimed (the model stopped early and answered), or the reply answers without claiming any step.
    private static void AddPremature(TraceAlignment alignment, ParsedAnswer? firstAnswer, List<AlignedClaim> stepClaims, List<Evidence> found)
    {
        if (firstAnswer is null)
        {
            return;
        }

        if (stepClaims.Count == 0)
        {
            found.Add(new Evidence(FailureMode.PrematureAnswer, "the reply answers without executing any step", Lines(firstAnswer.Line), EquatableArray<int>.Empty));
            return;
        }

        var claimedBefore = new bool[alignment.Program.Steps.Count];
        foreach (var claim in stepClaims)
        {
            if (claim.Claim.Line < firstAnswer.Line)
            {
                claimedBefore[claim.StepIndex!.Value] = true;
            }
        }

        var later = stepClaims.Where(c => c.Claim.Line > firstAnswer.Line && !claimedBefore[c.StepIndex!.Value]).ToList();
        if (later.Count > 0)
        {
            var steps = later.Select(c => c.StepIndex!.Value).Distinct().ToEquatableArray();
            found.Add(new Evidence(
                FailureMode.PrematureAnswer,
                $"answer on line {firstAnswer.Line} comes before step {alignment.Program.Steps[steps[0]].Name} was executed (line {later[0].Claim.Line})",
                new[] { firstAnswer.Line }.Concat(later.Select(c => c.Claim.Line)).ToEquatableArray(),
                steps));
            return;
        }

        // Stopped early: the trace before the answer never reaches the last steps, and nothing after it does either.
        var lastBefore = Array.LastIndexOf(claimedBefore, true);
        var neverClaimed = Enumerable.Range(lastBefore + 1, claimedBefore.Length - lastBefore - 1)
            .Where(s => !alignment.HasValue(s))
            .ToEquatableArray();
        if (neverClaimed.Count > 0)
        {
            found.Add(new Evidence(
                FailureMode.PrematureAnswer,
                $"answer on line {firstAnswer.Line} comes after {(lastBefore < 0 ? "no step" : $"step {alignment.Program.Steps[lastBefore].Name}")}; {neverClaimed.Count} later step(s) were never executed",
                Lines(firstAnswer.Line),
                neverClaimed));
        }
    }

    // Hallucinated: claims for steps, step numbers or variable writes the program does not have.
    private static void AddHallucinated(TraceAlignment alignment, ScoringOptions options, List<Evidence> found)
    {
        var extras = alignment.Extras
            .Where(c => c.Claim.Name is null || !options.NeutralNames.Contains(c.Claim.Name))
            .ToList();
        if (extras.Count > 0)
        {
            var first = extras[0].Claim;
            found.Add(new Evidence(
                FailureMode.HallucinatedSteps,
                $"{extras.Count} claim(s) for steps the program does not have, first '{Describe(first)}' on line {first.Line}",
                extras.Select(c => c.Claim.Line).ToEquatableArray(),
                EquatableArray<int>.Empty));
        }
    }

    // Under-executed: steps skipped inside the trace, or values copied from an earlier step or an operand
    // instead of computed. (A trace that stops early and answers is a premature answer.) Returns the steps
    // explained as copies.
    private static HashSet<int> AddUnderExecuted(TraceAlignment alignment, List<AlignedClaim> stepClaims, List<Evidence> found)
    {
        var copied = new HashSet<int>();
        var stepCount = alignment.Program.Steps.Count;
        if (stepClaims.Count == 0)
        {
            return copied;
        }

        var lastClaimed = -1;
        for (var s = 0; s < stepCount; s++)
        {
            if (alignment.HasValue(s))
            {
                lastClaimed = s;
            }
        }

        var skipped = Enumerable.Range(0, Math.Max(lastClaimed, 0)).Where(s => !alignment.HasValue(s)).ToList();
        if (skipped.Count > 0)
        {
            found.Add(new Evidence(
                FailureMode.UnderExecuted,
                $"{skipped.Count} step(s) skipped inside the trace, from {alignment.Program.Steps[skipped[0]].Name}",
                EquatableArray<int>.Empty,
                skipped.ToEquatableArray()));
        }

        for (var s = 0; s < stepCount; s++)
        {
            if (alignment.Verdicts[s] == StepVerdict.ExecutionError && IsCopied(alignment, s))
            {
                copied.Add(s);
            }
        }

        if (copied.Count > 0)
        {
            var steps = copied.Order().ToEquatableArray();
            found.Add(new Evidence(
                FailureMode.UnderExecuted,
                $"{steps.Count} step value(s) copied from an earlier step or operand instead of computed, first {alignment.Program.Steps[steps[0]].Name}",
                steps.Select(s => alignment.Final[s]!.Claim.Line).ToEquatableArray(),
                steps));
        }

        return copied;
    }

    // A wrong value that equals, as the model had them, the previous step or one of the step's operands.
    private static bool IsCopied(TraceAlignment alignment, int stepIndex)
    {
        var claim = alignment.Final[stepIndex]!;
        var value = claim.Claim.Value!.Value;
        var slots = alignment.ModelSlots(stepIndex, claim.ClaimIndex);
        var parameterCount = alignment.Program.Parameters.Count;
        if (stepIndex > 0 && value.Matches(slots[parameterCount + stepIndex - 1]))
        {
            return true;
        }

        var reads = new List<int>();
        LookBack.CollectReads(alignment.Program.Steps[stepIndex].Expression, reads);
        return reads.Any(slot => value.Matches(slots[slot]));
    }

    // Self-correction: a step first claimed wrong and finally right, or a wrong first answer replaced by a right one.
    private static void AddSelfCorrection(TraceAlignment alignment, ParsedTrace parsed, Value? answer, List<Evidence> found)
    {
        var lines = new List<int>();
        var steps = new List<int>();
        for (var s = 0; s < alignment.Program.Steps.Count; s++)
        {
            if (alignment.Verdicts[s] != StepVerdict.Correct)
            {
                continue;
            }

            var final = alignment.Final[s]!;
            foreach (var earlier in alignment.History[s])
            {
                if (earlier.ClaimIndex < final.ClaimIndex
                    && earlier.Claim.Value is not null
                    && alignment.VerdictOf(s, earlier) != StepVerdict.Correct)
                {
                    lines.Add(earlier.Claim.Line);
                    lines.Add(final.Claim.Line);
                    steps.Add(s);
                    break;
                }
            }
        }

        var readable = parsed.Answers.Where(a => a.Value is not null).ToList();
        var answerCorrected = answer is { } truth && readable.Count >= 2 && !readable[0].Value!.Value.Matches(truth) && readable[^1].Value!.Value.Matches(truth);
        if (answerCorrected)
        {
            lines.Add(readable[0].Line);
            lines.Add(readable[^1].Line);
        }

        if (steps.Count > 0 || answerCorrected)
        {
            var what = steps.Count > 0
                ? $"step {alignment.Program.Steps[steps[0]].Name} was first claimed wrong (line {lines[0]}) and corrected (line {lines[1]})"
                : $"the first answer (line {readable[0].Line}) was wrong and the last (line {readable[^1].Line}) right";
            found.Add(new Evidence(FailureMode.SelfCorrection, what, lines.Distinct().Order().ToEquatableArray(), steps.ToEquatableArray()));
        }
    }

    // Arithmetic: a fresh execution error not explained as a copy, or a final answer that its own trace does not give.
    private static void AddArithmetic(TraceAlignment alignment, ParsedAnswer? final, Value? answer, HashSet<int> copied, List<Evidence> found)
    {
        var fresh = Enumerable.Range(0, alignment.Program.Steps.Count)
            .Where(s => alignment.Verdicts[s] == StepVerdict.ExecutionError && !copied.Contains(s))
            .ToList();
        if (fresh.Count > 0)
        {
            found.Add(new Evidence(
                FailureMode.ArithmeticError,
                $"{fresh.Count} step(s) computed wrong from the model's own values, first {alignment.Program.Steps[fresh[0]].Name}",
                fresh.Select(s => alignment.Final[s]!.Claim.Line).ToEquatableArray(),
                fresh.ToEquatableArray()));
        }

        if (final?.Value is { } given && answer is { } truth && !given.Matches(truth))
        {
            var own = alignment.AnswerFromModelValues();
            var consistent = own is { } ownAnswer && given.Matches(ownAnswer);
            if (!consistent && fresh.Count == 0)
            {
                found.Add(new Evidence(
                    FailureMode.ArithmeticError,
                    $"final answer {given} is wrong (expected {truth}) and does not follow from the trace",
                    Lines(final.Line),
                    EquatableArray<int>.Empty));
            }
        }
    }

    private static EquatableArray<int> Lines(int line) => new[] { line }.ToEquatableArray();

    private static string Describe(ParsedClaim claim) => claim.Name ?? (claim.StepNumber is { } n ? $"step {n}" : claim.Text);
}
