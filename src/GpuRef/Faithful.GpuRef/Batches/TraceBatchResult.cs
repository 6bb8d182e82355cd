using Faithful.Execution;
using Faithful.GpuRef.Kernels;
using Faithful.Model;

namespace Faithful.GpuRef.Batches;

/// <summary>
/// Ground truth for a run of a batch's pairs (the whole batch, or one streamed chunk): the ragged trace
/// matrix (one row of step values plus the answer per pair) and each pair's fault code and step.
/// Pair indices are the batch's own, from <see cref="FirstPair"/> to <c>FirstPair + PairCount - 1</c>.
/// A result over the caller's buffers (<see cref="Hosting.GpuRefHost.EvaluateInto"/>) reads them in place.
/// </summary>
public sealed class TraceBatchResult
{
    private readonly long[] _trace;
    private readonly long _cellBase;
    private readonly int[] _faults;

    internal TraceBatchResult(TraceBatch batch, int firstPair, int pairCount, long[] trace, long cellBase, int[] faults, string backend)
    {
        Batch = batch;
        FirstPair = firstPair;
        PairCount = pairCount;
        _trace = trace;
        _cellBase = cellBase;
        _faults = faults;
        Backend = backend;
    }

    public TraceBatch Batch { get; }

    public int FirstPair { get; }

    public int PairCount { get; }

    /// <summary>The backend that computed these traces, e.g. <c>cpu-compiled (2 threads)</c>.</summary>
    public string Backend { get; }

    public StepProgram ProgramOf(int pair) => Batch.ProgramOf(Check(pair));

    /// <summary>The <see cref="FaultCode"/> of a pair (0 when it completed).</summary>
    public int FaultCodeOf(int pair) => _faults[2 * (Check(pair) - FirstPair)];

    /// <summary>The faulting step (the step count for the answer, -1 for an input); meaningless without a fault.</summary>
    public int FaultStepOf(int pair) => FaultCodeOf(pair) == FaultCode.InputOutOfDomain ? -1 : _faults[(2 * (pair - FirstPair)) + 1];

    /// <summary>False when a counterfactual's true prefix faulted (or its inputs were out of domain) before its state existed.</summary>
    public bool ReachedStart(int pair) => FaultCodeOf(pair) == FaultCode.None || FaultStepOf(pair) >= Batch.StartStepOf(pair);

    public FaultKind? FaultKindOf(int pair) => FaultCodeOf(pair) switch
    {
        FaultCode.None => null,
        FaultCode.DivideByZero => FaultKind.DivideByZero,
        FaultCode.Overflow => FaultKind.Overflow,
        FaultCode.NotFinite => FaultKind.NotFinite,
        _ => FaultKind.InputOutOfDomain,
    };

    /// <summary>The pair's raw row: each step's 64 bits, then the answer's (only cells computed before a fault are meaningful).</summary>
    public ReadOnlySpan<long> RowOf(int pair)
    {
        Check(pair);
        return _trace.AsSpan((int)(Batch.TraceOffsetOf(pair) - _cellBase), ProgramOf(pair).Steps.Count + 1);
    }

    /// <summary>How many step values the pair has: all of them, or those before the fault (the faulting one too when it was not finite, as the reference evaluator records it).</summary>
    public int ComputedStepCount(int pair)
    {
        var stepCount = ProgramOf(pair).Steps.Count;
        return FaultCodeOf(pair) switch
        {
            FaultCode.None => stepCount,
            FaultCode.InputOutOfDomain => 0,
            FaultCode.NotFinite => Math.Min(FaultStepOf(pair) + 1, stepCount),
            _ => FaultStepOf(pair),
        };
    }

    /// <summary>
    /// The pair as a core <see cref="Trace"/>, equal to <see cref="ReferenceEvaluator.Evaluate(StepProgram, IReadOnlyList{Value})"/>'s.
    /// A faulted pair's message (which quotes operand values the batch does not keep) is taken from the
    /// reference evaluator after checking that it found the same fault at the same step with the same values.
    /// </summary>
    /// <exception cref="GpuRefMismatchException">The backend and the reference evaluator disagree on a faulted pair.</exception>
    /// <exception cref="InvalidOperationException">The pair is a counterfactual: use <see cref="ToCounterfactual"/>.</exception>
    public Trace ToTrace(int pair)
    {
        var program = ProgramOf(pair);
        if (Batch.IsCounterfactual(pair))
        {
            throw new InvalidOperationException($"Pair {pair} is a counterfactual of program {program.Id}: read it with ToCounterfactual.");
        }

        var inputs = Batch.InputsOf(pair).ToEquatableArray();
        var row = RowOf(pair);
        var count = ComputedStepCount(pair);
        var values = new Value[count];
        for (var s = 0; s < count; s++)
        {
            values[s] = new Value(program.Steps[s].Kind, row[s]);
        }

        var kind = FaultKindOf(pair);
        if (kind is null)
        {
            return new Trace(program, inputs, values.ToEquatableArray(), new Value(program.Result.Kind, row[program.Steps.Count]), null);
        }

        var oracle = ReferenceEvaluator.Evaluate(program, inputs);
        if (oracle.Fault is null || oracle.Fault.Kind != kind || oracle.Fault.StepIndex != FaultStepOf(pair) || !oracle.StepValues.SequenceEqual(values, SameValueComparer.Instance))
        {
            throw new GpuRefMismatchException(
                $"Backend {Backend} and the reference evaluator disagree on program {program.Id} with inputs ({string.Join(", ", inputs)}): " +
                $"backend says {kind} at step {FaultStepOf(pair)} after {count} value(s), reference says {oracle.Fault?.ToString() ?? "no fault"} after {oracle.StepValues.Count}. " +
                "Please report this with the program's JSON.");
        }

        return oracle;
    }

    public IEnumerable<Trace> ToTraces()
    {
        for (var pair = FirstPair; pair < FirstPair + PairCount; pair++)
        {
            yield return ToTrace(pair);
        }
    }

    /// <summary>
    /// The pair as a <see cref="CounterfactualTrace"/>, equal to <see cref="CounterfactualEvaluator"/>'s (a plain pair
    /// is the counterfactual at step 0 with nothing altered). A faulted pair is confirmed against the evaluator, whose
    /// message it takes, as <see cref="ToTrace"/> does.
    /// </summary>
    /// <exception cref="GpuRefMismatchException">The backend and the reference evaluator disagree on a faulted pair.</exception>
    public CounterfactualTrace ToCounterfactual(int pair)
    {
        var program = ProgramOf(pair);
        var inputs = Batch.InputsOf(pair).ToEquatableArray();
        var startStep = Batch.StartStepOf(pair);
        var overrides = Batch.OverridesOf(pair).ToEquatableArray();
        var fromGivenState = Batch.IsFromGivenState(pair);
        var row = RowOf(pair);
        var count = ComputedStepCount(pair);
        var values = new Value[count];
        for (var s = 0; s < count; s++)
        {
            values[s] = new Value(program.Steps[s].Kind, row[s]);
        }

        var kind = FaultKindOf(pair);
        if (kind is null)
        {
            var answer = new Value(program.Result.Kind, row[program.Steps.Count]);
            return new CounterfactualTrace(program, inputs, startStep, overrides, fromGivenState, Batch.StateInputsOf(pair).ToEquatableArray(), values.ToEquatableArray(), answer, null);
        }

        var oracle = fromGivenState
            ? CounterfactualEvaluator.EvaluateFromState(program, [.. Batch.StateInputsOf(pair), .. overrides.Select(o => o.Value)])
            : CounterfactualEvaluator.Evaluate(program, inputs, startStep, overrides);
        if (oracle.Fault is null || oracle.Fault.Kind != kind || oracle.Fault.StepIndex != FaultStepOf(pair) || !oracle.StepValues.SequenceEqual(values, SameValueComparer.Instance))
        {
            throw new GpuRefMismatchException(
                $"Backend {Backend} and the counterfactual evaluator disagree on program {program.Id} with inputs ({string.Join(", ", inputs)}), " +
                $"state before step {startStep + 1}, overrides ({string.Join(", ", overrides.Select(o => $"slot {o.Slot} = {o.Value}"))}): " +
                $"backend says {kind} at step {FaultStepOf(pair)} after {count} value(s), reference says {oracle.Fault?.ToString() ?? "no fault"} after {oracle.StepValues.Count}. " +
                "Please report this with the program's JSON.");
        }

        return oracle;
    }

    public IEnumerable<CounterfactualTrace> ToCounterfactuals()
    {
        for (var pair = FirstPair; pair < FirstPair + PairCount; pair++)
        {
            yield return ToCounterfactual(pair);
        }
    }

    private int Check(int pair)
    {
        if (pair < FirstPair || pair >= FirstPair + PairCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pair), pair, $"This result holds pairs {FirstPair}..{FirstPair + PairCount - 1}.");
        }

        return pair;
    }
}
