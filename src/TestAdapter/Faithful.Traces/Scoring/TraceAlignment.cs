using System.Runtime.InteropServices;
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

    /// <summary>A snapshot, readout or restated shortcut: evidence of the values the reply holds; executes nothing.</summary>
    Observation,
}

/// <summary>A parsed claim with the role and the reference step the aligner gave it.</summary>
public sealed record AlignedClaim(int ClaimIndex, ParsedClaim Claim, ClaimRole Role, int? StepIndex)
{
    /// <summary>
    /// A loop summary placed at the end of the run it sums up: it stands for every write of its variable since the reply
    /// last gave it a value, and is judged on all of them.
    /// </summary>
    public bool Summarizes { get; init; }
}

/// <summary>
/// The result of aligning a reply's claims to a program's steps: every claim's role, each step's claims in
/// reply order (the last one counts; earlier ones are evidence), the per-step verdicts and the first divergence.
/// </summary>
public sealed class TraceAlignment
{
    private readonly ExpressionReplay _replay;
    private readonly ProgramIndex _index;

    internal TraceAlignment(
        StepProgram program,
        Trace truth,
        ParsedTrace parsed,
        IReadOnlyList<AlignedClaim> claims,
        IReadOnlyList<IReadOnlyList<AlignedClaim>> history,
        ProgramIndex index)
    {
        Program = program;
        Truth = truth;
        Parsed = parsed;
        Claims = claims;
        History = history;
        _index = index;
        _replay = index.Replay;
        Final = history.Select(FinalOf).ToArray();
        Verdicts = ComputeVerdicts();
        FirstDivergence = Array.FindIndex(Verdicts, v => v != StepVerdict.Correct) is var first and >= 0 ? first : null;
    }

    public StepProgram Program { get; }

    /// <summary>
    /// How many attempts had their claims sequenced by the in-order shortcut rather than the alignment table (see
    /// <c>AttemptAligner.InOrder</c>): a figure for tests and benchmarks, not part of the verdict.
    /// </summary>
    internal int AttemptsInOrder { get; init; }

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

    /// <summary>Whether the claim that counts for a step gives a readable value (a given step always has its value).</summary>
    public bool HasValue(int stepIndex) => Final[stepIndex]?.Claim.Value is not null || _index.IsGiven[stepIndex];

    /// <summary>
    /// Whether a step's value is given by the program rather than computed: a declaration's literal initial value
    /// (<c>long n_0 = 1;</c>). Leaving it out skips nothing; restating it executes nothing.
    /// </summary>
    public bool IsGiven(int stepIndex) => _index.IsGiven[stepIndex];

    /// <summary>Whether an execution (not an echo) with a readable value aligns to the step.</summary>
    public bool IsExecuted(int stepIndex) => Final[stepIndex] is { Role: ClaimRole.Step, Claim.Value: not null };

    /// <summary>How many steps are computed (not given).</summary>
    public int ComputedStepCount => Program.Steps.Count - _index.GivenCount;

    /// <summary>
    /// The computed steps from <paramref name="first"/> on that no execution with a readable value reached, in order:
    /// counted, then written into an array of that size (an unrolled loop has thousands of steps, most never shown).
    /// </summary>
    public EquatableArray<int> UnexecutedSteps(int first)
    {
        first = Math.Max(0, first);
        var count = 0;
        for (var s = first; s < Program.Steps.Count; s++)
        {
            count += Unexecuted(s) ? 1 : 0;
        }

        var unexecuted = new int[count];
        for (int s = first, at = 0; at < count; s++)
        {
            if (Unexecuted(s))
            {
                unexecuted[at++] = s;
            }
        }

        return new EquatableArray<int>(ImmutableCollectionsMarshal.AsImmutableArray(unexecuted));
    }

    private bool Unexecuted(int stepIndex) => !_index.IsGiven[stepIndex] && !IsExecuted(stepIndex);

    /// <summary>The step that wrote the same variable before <paramref name="stepIndex"/>, or -1.</summary>
    public int PreviousVersion(int stepIndex) => _index.PreviousVersion[stepIndex];

    /// <summary>The input slot named <paramref name="name"/>, or -1.</summary>
    public int InputOf(string name) => _index.Parameter(name);

    /// <summary>The last computed step, or -1 when every step is given.</summary>
    public int LastComputedStep => _index.LastStep;

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
            slots[parameterCount + s] = ModelSlot(parameterCount + s, beforeClaimIndex);
        }

        return slots;
    }

    /// <summary>
    /// The model's value for step <paramref name="stepIndex"/> as of <paramref name="beforeClaimIndex"/>: its latest claim
    /// before then, else its final claim; for a step the reply never shows, the value the model still holds for its
    /// variable (an earlier version's); null when the reply gives the variable no value at all.
    /// </summary>
    public Value? ModelValueBefore(int stepIndex, int beforeClaimIndex)
    {
        var kind = Program.Steps[stepIndex].Kind;

        // A write the reply skipped leaves the variable as the model last had it: walk back through earlier versions.
        for (var step = stepIndex; step >= 0; step = _index.PreviousVersion[step])
        {
            if (ClaimedBefore(step, beforeClaimIndex) is { } claimed)
            {
                return claimed.Kind == kind ? claimed : null;
            }

            if (_index.IsGiven[step])
            {
                return Truth.StepValues[step].Kind == kind ? Truth.StepValues[step] : null;
            }

            if (_index.PreviousVersion[step] < 0)
            {
                var parameter = _index.Parameter(Program.Steps[step].Variable);
                return parameter >= 0 && Program.Parameters[parameter].Kind == kind ? Truth.Inputs[parameter] : null;
            }
        }

        return null;
    }

    // The latest claim of a step before a claim, else its final claim (a later attempt may redo an earlier step).
    private Value? ClaimedBefore(int stepIndex, int beforeClaimIndex)
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
    public Value? AnswerFromModelValues() => _replay.EvaluateAnswer(new SlotView(this, Program.Steps.Count, int.MaxValue));

    /// <summary>The value step <paramref name="stepIndex"/> takes when replayed on the model's values before a claim.</summary>
    public Value? ReplayStep(int stepIndex, int beforeClaimIndex) =>
        _replay.EvaluateStep(stepIndex, new SlotView(this, stepIndex, beforeClaimIndex));

    /// <summary>
    /// The value a summary at <paramref name="stepIndex"/> should state given the model's own values: every write of the
    /// variable since the last one the reply gave a value for, replayed in order from that value.
    /// </summary>
    internal Value? ReplayRun(int stepIndex, int beforeClaimIndex)
    {
        var covered = new List<int> { stepIndex };
        var from = _index.PreviousVersion[stepIndex];
        while (from >= 0 && !_index.IsGiven[from] && ClaimedBefore(from, beforeClaimIndex) is null)
        {
            covered.Add(from);
            from = _index.PreviousVersion[from];
        }

        covered.Reverse();
        var running = new Dictionary<int, Value>(covered.Count);
        var parameters = Program.Parameters.Count;
        // One view for the whole run (a replay reads only the slots its step reads, each before it is written).
        var view = new FuncSlots(slot => running.TryGetValue(slot, out var v) ? v : ModelSlot(slot, beforeClaimIndex), Program.SlotCount);
        Value? last = null;
        foreach (var step in covered)
        {
            last = _replay.EvaluateStep(step, view);
            if (last is not { } computed)
            {
                return null;
            }

            running[parameters + step] = computed;
        }

        return last;
    }

    /// <summary>The value step <paramref name="stepIndex"/> takes when replayed on slots chosen by <paramref name="slot"/>.</summary>
    internal Value? ReplayStep(int stepIndex, Func<int, Value> slot) => _replay.EvaluateStep(stepIndex, new FuncSlots(slot, Program.SlotCount));

    /// <summary>The answer replayed on slots chosen by <paramref name="slot"/>.</summary>
    internal Value? ReplayAnswer(Func<int, Value> slot) => _replay.EvaluateAnswer(new FuncSlots(slot, Program.SlotCount));

    /// <summary>The model's slot value as of a claim, computed only for the slots a replay reads.</summary>
    internal Value ModelSlot(int slot, int beforeClaimIndex) => slot < Program.Parameters.Count
        ? Truth.Inputs[slot]
        : ModelValueBefore(slot - Program.Parameters.Count, beforeClaimIndex) ?? Truth.StepValues[slot - Program.Parameters.Count];

    // A replay's view of the slots: an indexer and a count, enumerated the one way.
    private abstract class Slots : IReadOnlyList<Value>
    {
        public abstract Value this[int index] { get; }

        public abstract int Count { get; }

        public IEnumerator<Value> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // The model's slots as of a claim, read straight from the alignment (one object per replayed step, no delegate).
    private sealed class SlotView(TraceAlignment owner, int stepCount, int beforeClaimIndex) : Slots
    {
        public override Value this[int index] => owner.ModelSlot(index, beforeClaimIndex);

        public override int Count { get; } = owner.Program.Parameters.Count + stepCount;
    }

    private sealed class FuncSlots(Func<int, Value> slot, int count) : Slots
    {
        public override Value this[int index] => slot(index);

        public override int Count => count;
    }

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
            return _index.IsGiven[stepIndex] && stepIndex < Truth.StepValues.Count ? StepVerdict.Correct : StepVerdict.Missing;
        }

        if (value.Matches(Truth.StepValues[stepIndex]))
        {
            return StepVerdict.Correct;
        }

        var replayed = claim.Summarizes ? ReplayRun(stepIndex, claim.ClaimIndex) : ReplayStep(stepIndex, claim.ClaimIndex);
        return replayed is { } own && value.Matches(own) ? StepVerdict.PropagatedError : StepVerdict.ExecutionError;
    }
}
