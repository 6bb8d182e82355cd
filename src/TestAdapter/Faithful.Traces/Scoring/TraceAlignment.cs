using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>What a claim was taken to be once aligned.</summary>
public enum ClaimRole
{
    /// <summary>A value for a reference step (<see cref="AlignedClaim.StepIndex"/>).</summary>
    Step,

    /// <summary>A restatement of an input (version 0 of a parameter); executes nothing.</summary>
    InputEcho,

    /// <summary>A claim for no reference step: a step, step number or variable write the program does not have.</summary>
    Extra,
}

/// <summary>A parsed claim with the role and the reference step the aligner gave it.</summary>
public sealed record AlignedClaim(int ClaimIndex, ParsedClaim Claim, ClaimRole Role, int? StepIndex);

/// <summary>
/// The result of aligning a reply's claims to a program's steps: every claim's role, each step's claims in
/// reply order (the last one counts; earlier ones are evidence), the per-step verdicts and the first divergence.
/// </summary>
public sealed class TraceAlignment
{
    private readonly ExpressionReplay _replay;

    internal TraceAlignment(
        StepProgram program,
        Trace truth,
        ParsedTrace parsed,
        IReadOnlyList<AlignedClaim> claims,
        IReadOnlyList<IReadOnlyList<AlignedClaim>> history,
        ExpressionReplay replay)
    {
        Program = program;
        Truth = truth;
        Parsed = parsed;
        Claims = claims;
        History = history;
        _replay = replay;
        Final = history.Select(FinalOf).ToArray();
        Verdicts = ComputeVerdicts();
        FirstDivergence = Array.FindIndex(Verdicts, v => v != StepVerdict.Correct) is var first and >= 0 ? first : null;
    }

    public StepProgram Program { get; }

    public Trace Truth { get; }

    public ParsedTrace Parsed { get; }

    /// <summary>Every claim of the reply, in reply order, with its role.</summary>
    public IReadOnlyList<AlignedClaim> Claims { get; }

    /// <summary>For each step, the claims aligned to it, in reply order.</summary>
    public IReadOnlyList<IReadOnlyList<AlignedClaim>> History { get; }

    /// <summary>For each step, the claim that counts: the last one with a readable value, else the last one, else null.</summary>
    public IReadOnlyList<AlignedClaim?> Final { get; }

    public StepVerdict[] Verdicts { get; }

    public int? FirstDivergence { get; }

    public IEnumerable<AlignedClaim> Extras => Claims.Where(c => c.Role == ClaimRole.Extra);

    /// <summary>Whether the claim that counts for a step gives a readable value.</summary>
    public bool HasValue(int stepIndex) => Final[stepIndex]?.Claim.Value is not null;

    /// <summary>
    /// The slot vector as the model had it just before <paramref name="beforeClaimIndex"/>: ground-truth inputs,
    /// then for each of the first <paramref name="stepCount"/> steps the latest earlier claim, else its final claim, else ground truth.
    /// </summary>
    public Value[] ModelSlots(int stepCount, int beforeClaimIndex)
    {
        var parameterCount = Program.Parameters.Count;
        var slots = new Value[parameterCount + stepCount];
        for (var p = 0; p < parameterCount; p++)
        {
            slots[p] = Truth.Inputs[p];
        }

        for (var s = 0; s < stepCount; s++)
        {
            slots[parameterCount + s] = ModelValueBefore(s, beforeClaimIndex) ?? Truth.StepValues[s];
        }

        return slots;
    }

    /// <summary>The model's value for step <paramref name="stepIndex"/> as of <paramref name="beforeClaimIndex"/>, or null if it never gave one.</summary>
    public Value? ModelValueBefore(int stepIndex, int beforeClaimIndex)
    {
        var kind = Program.Steps[stepIndex].Kind;
        Value? latest = null;
        foreach (var aligned in History[stepIndex])
        {
            if (aligned.ClaimIndex >= beforeClaimIndex)
            {
                break;
            }

            latest = ClaimValues.AsValue(aligned.Claim.Value, kind) ?? latest;
        }

        return latest ?? ClaimValues.AsValue(Final[stepIndex]?.Claim.Value, kind);
    }

    /// <summary>The answer the model's own final step values lead to, or null when replaying it faults.</summary>
    public Value? AnswerFromModelValues() => _replay.EvaluateAnswer(ModelSlots(Program.Steps.Count, int.MaxValue));

    /// <summary>The value step <paramref name="stepIndex"/> takes when replayed on the model's values before a claim.</summary>
    public Value? ReplayStep(int stepIndex, int beforeClaimIndex) =>
        _replay.EvaluateStep(stepIndex, ModelSlots(stepIndex, beforeClaimIndex));

    private static AlignedClaim? FinalOf(IReadOnlyList<AlignedClaim> claims)
    {
        for (var i = claims.Count - 1; i >= 0; i--)
        {
            if (claims[i].Claim.Value is not null)
            {
                return claims[i];
            }
        }

        return claims.Count > 0 ? claims[^1] : null;
    }

    private StepVerdict[] ComputeVerdicts()
    {
        var verdicts = new StepVerdict[Program.Steps.Count];
        for (var s = 0; s < verdicts.Length; s++)
        {
            verdicts[s] = VerdictOf(s, Final[s]);
        }

        return verdicts;
    }

    /// <summary>The verdict one claim earns for a step, judged on the model's values before it.</summary>
    internal StepVerdict VerdictOf(int stepIndex, AlignedClaim? claim)
    {
        if (claim?.Claim.Value is not { } value || stepIndex >= Truth.StepValues.Count)
        {
            return StepVerdict.Missing;
        }

        if (value.Matches(Truth.StepValues[stepIndex]))
        {
            return StepVerdict.Correct;
        }

        var replayed = ReplayStep(stepIndex, claim.ClaimIndex);
        return replayed is { } own && value.Matches(own) ? StepVerdict.PropagatedError : StepVerdict.ExecutionError;
    }
}
