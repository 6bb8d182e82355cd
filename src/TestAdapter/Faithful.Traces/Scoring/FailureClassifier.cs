using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>What the classifier found: every mode that applies (primary first) with its evidence.</summary>
public sealed record Classification(FailureMode PrimaryMode, EquatableArray<FailureMode> Modes, EquatableArray<Evidence> Evidence);

/// <summary>
/// Assigns the failure modes to an aligned reply, each with the lines and steps that show it. Definitions and examples:
/// docs/failure-modes.md; they follow what a careful human reader counts (shared/realdata/LABELING.md). The primary
/// mode is the first that applies in <see cref="Precedence"/>: the most structural failure first, arithmetic last.
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
        FailureMode.ReadoutError,
        FailureMode.StaleOperand,
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
        var firstAnswer = FirstReadableAnswer(parsed);
        var lastReadable = LastReadableAnswer(parsed);
        var executions = alignment.Claims.Where(c => c.Role == ClaimRole.Step && c.Claim.Executes && c.Claim.Value is not null).ToList();
        var judgeProcess = options.RequireTrace || executions.Count > 0;

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
            AddPremature(alignment, firstAnswer, executions, found);
            AddHallucinated(alignment, options, found);
            AddUnderExecuted(alignment, found);
            AddSelfCorrection(alignment, parsed, answer, found);
            StepErrors.Add(alignment, found);
            if (executions.Count > 0)
            {
                AnswerErrors.Add(alignment, lastReadable, found);
            }
            else
            {
                AnswerErrors.AddMisworked(alignment, lastReadable, found);
            }
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

    /// <summary>The first answer with a readable value: an empty tag or words only answer nothing.</summary>
    internal static ParsedAnswer? FirstReadableAnswer(ParsedTrace parsed)
    {
        foreach (var answer in parsed.Answers)
        {
            if (answer.Value is not null)
            {
                return answer;
            }
        }

        return null;
    }

    internal static ParsedAnswer? LastReadableAnswer(ParsedTrace parsed)
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

    // Premature: the first answer comes before the last step was executed: steps are first executed after it (the model
    // answered, then went on), the steps executed before it stop short of the end and the rest are never executed (the
    // model stopped early and answered), or the reply answers without executing any step.
    private static void AddPremature(TraceAlignment alignment, ParsedAnswer? firstAnswer, List<AlignedClaim> executions, List<Evidence> found)
    {
        if (firstAnswer is null)
        {
            return;
        }

        if (executions.Count == 0)
        {
            found.Add(new Evidence(FailureMode.PrematureAnswer, "the reply answers without executing any step", Lines(firstAnswer.Line), EquatableArray<int>.Empty));
            return;
        }

        var executedBefore = new bool[alignment.Program.Steps.Count];
        foreach (var claim in executions)
        {
            if (claim.Claim.Line <= firstAnswer.Line)
            {
                executedBefore[claim.StepIndex!.Value] = true;
            }
        }

        var later = executions.Where(c => c.Claim.Line > firstAnswer.Line && !executedBefore[c.StepIndex!.Value]).ToList();
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
        var lastBefore = Array.LastIndexOf(executedBefore, true);
        var neverExecuted = alignment.UnexecutedSteps(lastBefore + 1);
        if (neverExecuted.Count > 0)
        {
            found.Add(new Evidence(
                FailureMode.PrematureAnswer,
                $"answer on line {firstAnswer.Line} comes after {(lastBefore < 0 ? "no step" : $"step {alignment.Program.Steps[lastBefore].Name}")}; {neverExecuted.Count} later step(s) were never executed",
                Lines(firstAnswer.Line),
                neverExecuted));
        }
    }

    // Hallucinated: executions for steps, step numbers or variable writes the program does not have.
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

    // Under-executed: fewer steps executed than the program computes (skipped, merged without shown values, stopped
    // early, replaced by a shortcut; none at all counts). Given steps (a declaration's literal) need no execution.
    private static void AddUnderExecuted(TraceAlignment alignment, List<Evidence> found)
    {
        var unexecuted = alignment.UnexecutedSteps(0);
        if (unexecuted.Count == 0)
        {
            return;
        }

        var computed = alignment.ComputedStepCount;
        found.Add(new Evidence(
            FailureMode.UnderExecuted,
            $"{computed - unexecuted.Count} of {computed} step(s) executed; {unexecuted.Count} never shown, from {alignment.Program.Steps[unexecuted[0]].Name}",
            EquatableArray<int>.Empty,
            unexecuted));
    }

    // Self-correction: a wrong first answer followed by an answer with another value, or a step first claimed wrong and
    // finally right.
    private static void AddSelfCorrection(TraceAlignment alignment, ParsedTrace parsed, Value? answer, List<Evidence> found)
    {
        var lines = new List<int>();
        var steps = new List<int>();
        for (var s = 0; s < alignment.Program.Steps.Count; s++)
        {
            if (alignment.Verdicts[s] != StepVerdict.Correct || alignment.Final[s] is not { } final)
            {
                continue;
            }

            // By index: a foreach over the interface would box an enumerator for every step.
            var history = alignment.History[s];
            for (var k = 0; k < history.Count; k++)
            {
                var earlier = history[k];

                // Only a value the reply took back (a later attempt redoes the step) is corrected; two values for one
                // step within an attempt are a misreading of which write each line is.
                if (earlier.ClaimIndex < final.ClaimIndex
                    && earlier.Claim.Attempt < final.Claim.Attempt
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
        var answerCorrected = answer is { } truth && readable.Count >= 2 && !readable[0].Value!.Value.Matches(truth)
            && readable.Exists(a => a.Value!.Value.Text != readable[0].Value!.Value.Text && a.Value!.Value.Real != readable[0].Value!.Value.Real);
        if (answerCorrected)
        {
            lines.Add(readable[0].Line);
            lines.Add(readable[^1].Line);
        }

        if (steps.Count > 0 || answerCorrected)
        {
            var what = steps.Count > 0
                ? $"step {alignment.Program.Steps[steps[0]].Name} was first claimed wrong (line {lines[0]}) and corrected (line {lines[1]})"
                : $"the first answer (line {readable[0].Line}) was wrong and a later one (line {readable[^1].Line}) differs";
            found.Add(new Evidence(FailureMode.SelfCorrection, what, lines.Distinct().Order().ToEquatableArray(), steps.ToEquatableArray()));
        }
    }

    internal static EquatableArray<int> Lines(int line) => new[] { line }.ToEquatableArray();

    private static string Describe(ParsedClaim claim) => claim.Name ?? (claim.StepNumber is { } n ? $"step {n}" : claim.Text);
}
