using Faithful.Execution;
using Faithful.GpuRef.Bytecode;
using Faithful.GpuRef.Kernels;
using Faithful.Model;

namespace Faithful.GpuRef.Batches;

/// <summary>
/// A batch of pairs to evaluate together, programs of any lengths mixed. A pair is a (program, inputs) run, or a
/// counterfactual: the program run from its state before step k with some slot values replaced (see
/// <see cref="AddCounterfactual"/> and <see cref="AddFromState"/>). Every pair is checked when it is added (input
/// count, kinds, declared domains, override slots) and every program is compiled to bytecode when first seen, so a
/// batch that was built evaluates completely or not at all.
/// </summary>
/// <remarks>
/// The pairs are stored as flat columns (program index, input offset, trace-row offset, inputs) that the backends
/// read in place: evaluating a batch packs and copies nothing per pair. Pair p's trace row starts at
/// <see cref="TraceOffsetOf"/>(p) of a matrix of <see cref="TraceCellCount"/> cells, which is the layout
/// <see cref="Hosting.GpuRefHost.EvaluateInto"/> writes into the caller's buffer.
/// </remarks>
public sealed class TraceBatch
{
    private readonly List<BytecodeProgram> _programs = [];
    private readonly List<DomainBounds> _bounds = [];
    private readonly Dictionary<StepProgram, int> _programIndex = new(ReferenceEqualityComparer.Instance);
    private readonly GrowableBuffer<int> _pairPrograms = new();
    private readonly GrowableBuffer<int> _inputOffsets = new();
    private readonly GrowableBuffer<long> _traceOffsets = new();
    private readonly GrowableBuffer<long> _inputs = new();
    private readonly List<int> _outOfDomain = [];
    private GrowableBuffer<int>? _counterfactuals;
    private readonly GrowableBuffer<long> _overrides = new();
    private long _traceCells;
    private ProgramTable? _table;

    public TraceBatch(OutOfDomainPolicy outOfDomain = OutOfDomainPolicy.Throw) => OutOfDomain = outOfDomain;

    public OutOfDomainPolicy OutOfDomain { get; }

    public int PairCount => _pairPrograms.Count;

    public IReadOnlyList<BytecodeProgram> Programs => _programs;

    /// <summary>The program table, built once after the last program was added.</summary>
    public ProgramTable Table => _table ??= new ProgramTable(_programs);

    /// <summary>Cells of the whole trace matrix: each pair's row holds its steps, then its answer.</summary>
    public long TraceCellCount => _traceCells;

    /// <summary>Whether any pair is a counterfactual.</summary>
    public bool HasCounterfactuals => _counterfactuals is not null;

    /// <summary>Adds a program (once; adding the same instance again returns its index).</summary>
    /// <exception cref="BytecodeLimitException">The program exceeds the bytecode limits.</exception>
    public int AddProgram(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (_programIndex.TryGetValue(program, out var index))
        {
            return index;
        }

        var compiled = BytecodeCompiler.Compile(program);
        index = _programs.Count;
        _programs.Add(compiled);
        _bounds.Add(DomainBounds.Of(program));
        _programIndex.Add(program, index);
        _table = null;
        return index;
    }

    /// <summary>Adds one pair and returns its index.</summary>
    /// <exception cref="ArgumentException">The inputs do not match the parameters in count or kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input lies outside its domain and the policy is <see cref="OutOfDomainPolicy.Throw"/>.</exception>
    public int Add(StepProgram program, IReadOnlyList<Value> inputs)
    {
        var programIndex = AddProgram(program);
        Span<long> bits = program.Parameters.Count <= 32 ? stackalloc long[program.Parameters.Count] : new long[program.Parameters.Count];
        ToBits(program, inputs, bits);
        return AddBits(programIndex, bits);
    }

    /// <summary>Adds one pair of a long-only program.</summary>
    public int Add(StepProgram program, params long[] inputs) => Add(program, inputs.Select(Value.FromInt64).ToArray());

    /// <summary>
    /// The allocation-free path for large batches: inputs as raw 64-bit values (doubles as their IEEE bits)
    /// for a program already added with <see cref="AddProgram"/>.
    /// </summary>
    public int AddBits(int programIndex, ReadOnlySpan<long> inputBits)
    {
        var program = CheckProgramIndex(programIndex);
        CheckInputCount(program, inputBits.Length, nameof(inputBits));
        CheckDomain(programIndex, inputBits);
        var pair = BeginPair(programIndex);
        _inputs.AddRange(inputBits);
        _counterfactuals?.AddRange([0, CounterfactualMode.Plain, _overrides.Count / 2, 0]);
        return pair;
    }

    /// <summary>
    /// Adds a counterfactual: the true run of <paramref name="program"/> on <paramref name="inputs"/> up to step
    /// <paramref name="atStep"/> (zero-based: that many steps run), then <paramref name="overrides"/> written into that
    /// state, then the steps from <paramref name="atStep"/> and the answer computed from it. With no overrides it is the
    /// true run resumed at <paramref name="atStep"/>. Its row holds the state's (altered) step values, then the
    /// continuation; <see cref="CounterfactualEvaluator.Evaluate(StepProgram, IReadOnlyList{Value}, int, IReadOnlyList{SlotOverride})"/>
    /// is its oracle. The true inputs are checked against their domains like any pair's; an overridden input is not.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs do not fit, or an override's slot is not in the state, is given twice, or has the wrong kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atStep"/> is not 0..steps, or an input is out of domain under <see cref="OutOfDomainPolicy.Throw"/>.</exception>
    public int AddCounterfactual(StepProgram program, IReadOnlyList<Value> inputs, int atStep, IReadOnlyList<SlotOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var programIndex = AddProgram(program);
        var bits = new long[program.Parameters.Count];
        ToBits(program, inputs, bits);
        var slots = new int[overrides.Count];
        var values = new long[overrides.Count];
        for (var i = 0; i < overrides.Count; i++)
        {
            slots[i] = overrides[i].Slot;
            values[i] = overrides[i].Value.Bits;
        }

        CounterfactualEvaluator.CheckQuery(program, atStep, slots);
        foreach (var o in overrides)
        {
            CheckKind(program, o.Slot, o.Value.Kind);
        }

        return AddCounterfactualBits(programIndex, bits, atStep, slots, values);
    }

    /// <summary>The allocation-free form of <see cref="AddCounterfactual"/>: raw input bits, override slots and their bits.</summary>
    public int AddCounterfactualBits(int programIndex, ReadOnlySpan<long> inputBits, int atStep, ReadOnlySpan<int> overrideSlots, ReadOnlySpan<long> overrideBits)
    {
        var program = CheckProgramIndex(programIndex);
        CheckInputCount(program, inputBits.Length, nameof(inputBits));
        if (overrideSlots.Length != overrideBits.Length)
        {
            throw new ArgumentException($"{overrideSlots.Length} override slot(s) but {overrideBits.Length} value(s) were given: give one value per slot.", nameof(overrideBits));
        }

        CounterfactualEvaluator.CheckQuery(program, atStep, overrideSlots);
        CheckDomain(programIndex, inputBits);
        var pair = BeginPair(programIndex);

        // True inputs (the prefix reads them), then the state's inputs (the continuation reads them).
        _inputs.AddRange(inputBits);
        var stateInputs = _inputs.Count;
        _inputs.AddRange(inputBits);
        AddCounterfactualColumns(atStep, CounterfactualMode.FromTruth, overrideSlots.Length);
        for (var i = 0; i < overrideSlots.Length; i++)
        {
            AddOverride(program, stateInputs, overrideSlots[i], overrideBits[i]);
        }

        return pair;
    }

    /// <summary>
    /// Adds a run from a state given whole: the inputs, then the values of the first k steps (k = <c>state.Count - P</c>).
    /// No prefix runs, and the state's inputs are not checked against their domains;
    /// <see cref="CounterfactualEvaluator.EvaluateFromState"/> is its oracle.
    /// </summary>
    /// <exception cref="ArgumentException">The state is shorter than the inputs, longer than all slots, or a value has the wrong kind.</exception>
    public int AddFromState(StepProgram program, IReadOnlyList<Value> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var programIndex = AddProgram(program);
        CheckStateLength(program, state.Count, nameof(state));
        var bits = new long[state.Count];
        for (var slot = 0; slot < state.Count; slot++)
        {
            CheckKind(program, slot, state[slot].Kind);
            bits[slot] = state[slot].Bits;
        }

        return AddFromStateBits(programIndex, bits);
    }

    /// <summary>The allocation-free form of <see cref="AddFromState"/>: the state's slots as raw bits.</summary>
    public int AddFromStateBits(int programIndex, ReadOnlySpan<long> stateBits)
    {
        var program = CheckProgramIndex(programIndex);
        CheckStateLength(program, stateBits.Length, nameof(stateBits));
        var parameterCount = program.Parameters.Count;
        var pair = BeginPair(programIndex);
        _inputs.AddRange(stateBits[..parameterCount]);
        var stateInputs = _inputs.Count;
        _inputs.AddRange(stateBits[..parameterCount]);
        AddCounterfactualColumns(stateBits.Length - parameterCount, CounterfactualMode.FromGivenState, stateBits.Length - parameterCount);
        for (var slot = parameterCount; slot < stateBits.Length; slot++)
        {
            AddOverride(program, stateInputs, slot, stateBits[slot]);
        }

        return pair;
    }

    /// <summary>Adds <paramref name="count"/> pairs of <paramref name="program"/> with inputs drawn by <paramref name="sampler"/>.</summary>
    public void AddSampled(StepProgram program, int count, InputSampler sampler, Random random)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            Add(program, sampler(program, random));
        }
    }

    public StepProgram ProgramOf(int pair) => _programs[_pairPrograms[pair]].Source;

    public int ProgramIndexOf(int pair) => _pairPrograms[pair];

    /// <summary>The pair's true inputs (for a run from a given state, the state's inputs).</summary>
    public IReadOnlyList<Value> InputsOf(int pair) => ValuesAt(pair, _inputOffsets[pair]);

    /// <summary>The inputs as the steps from the start step read them: <see cref="InputsOf"/> with input overrides applied.</summary>
    public IReadOnlyList<Value> StateInputsOf(int pair) =>
        IsCounterfactual(pair) ? ValuesAt(pair, _inputOffsets[pair] + ProgramOf(pair).Parameters.Count) : InputsOf(pair);

    /// <summary>Where the pair's row starts in the trace matrix (see <see cref="TraceCellCount"/>).</summary>
    public long TraceOffsetOf(int pair) => _traceOffsets[pair];

    public bool IsOutOfDomain(int pair) => _outOfDomain.BinarySearch(pair) >= 0;

    /// <summary>Whether any pair was kept under <see cref="OutOfDomainPolicy.Fault"/>.</summary>
    public bool HasOutOfDomainPairs => _outOfDomain.Count > 0;

    public bool IsCounterfactual(int pair) => _counterfactuals is { } c && c[(4 * pair) + 1] != CounterfactualMode.Plain;

    /// <summary>Whether the counterfactual starts from a state given whole (<see cref="AddFromState"/>) rather than the true prefix.</summary>
    public bool IsFromGivenState(int pair) => _counterfactuals is { } c && c[(4 * pair) + 1] == CounterfactualMode.FromGivenState;

    /// <summary>The step the pair's evaluation resumes at from its (altered) state; 0 for a plain pair.</summary>
    public int StartStepOf(int pair) => _counterfactuals is { } c ? c[4 * pair] : 0;

    /// <summary>The slots the pair's state replaces, in the order given; empty for a plain pair.</summary>
    public IReadOnlyList<SlotOverride> OverridesOf(int pair)
    {
        if (_counterfactuals is not { } c)
        {
            return [];
        }

        var program = ProgramOf(pair);
        var first = c[(4 * pair) + 2];
        var overrides = new SlotOverride[c[(4 * pair) + 3]];
        for (var i = 0; i < overrides.Length; i++)
        {
            var slot = (int)_overrides[2 * (first + i)];
            overrides[i] = new SlotOverride(slot, new Value(program.SlotKind(slot), _overrides[(2 * (first + i)) + 1]));
        }

        return overrides;
    }

    internal int[] PairProgramColumn => _pairPrograms.Items;

    internal int[] InputOffsetColumn => _inputOffsets.Items;

    internal long[] TraceOffsetColumn => _traceOffsets.Items;

    internal long[] InputColumn => _inputs.Items;

    /// <summary>Four cells per pair (start step, <see cref="CounterfactualMode"/>, first override, override count), or null when no pair is a counterfactual.</summary>
    internal int[]? CounterfactualColumn => _counterfactuals?.Items;

    /// <summary>Two cells per override: the slot, then the value's bits.</summary>
    internal long[] OverrideColumn => _overrides.Items;

    internal IReadOnlyList<int> OutOfDomainPairs => _outOfDomain;

    /// <summary>Where the inputs of pairs from <paramref name="pair"/> start; the input count for <see cref="PairCount"/>.</summary>
    internal int InputOffsetAt(int pair) => pair < PairCount ? _inputOffsets[pair] : _inputs.Count;

    /// <summary>Where the rows of pairs from <paramref name="pair"/> start; the cell count for <see cref="PairCount"/>.</summary>
    internal long TraceOffsetAt(int pair) => pair < PairCount ? _traceOffsets[pair] : _traceCells;

    /// <summary>Where the overrides of pairs from <paramref name="pair"/> start, counted in overrides.</summary>
    internal int OverrideIndexAt(int pair) => _counterfactuals is { } c && pair < PairCount ? c[(4 * pair) + 2] : _overrides.Count / 2;

    private int BeginPair(int programIndex)
    {
        var pair = _pairPrograms.Count;
        _pairPrograms.Add(programIndex);
        _inputOffsets.Add(_inputs.Count);
        _traceOffsets.Add(_traceCells);
        _traceCells += _programs[programIndex].TraceWidth;
        return pair;
    }

    private void AddCounterfactualColumns(int atStep, int mode, int overrideCount)
    {
        if (_counterfactuals is null)
        {
            // The first counterfactual: earlier pairs are plain, with no overrides.
            _counterfactuals = new GrowableBuffer<int>();
            for (var earlier = 0; earlier < PairCount - 1; earlier++)
            {
                _counterfactuals.AddRange([0, CounterfactualMode.Plain, 0, 0]);
            }
        }

        _counterfactuals.AddRange([atStep, mode, _overrides.Count / 2, overrideCount]);
    }

    /// <summary>Records one override; an input's is also written into the state's inputs, which the continuation reads.</summary>
    private void AddOverride(StepProgram program, int stateInputs, int slot, long bits)
    {
        if (slot < program.Parameters.Count)
        {
            _inputs.Items[stateInputs + slot] = bits;
        }

        _overrides.Add(slot);
        _overrides.Add(bits);
    }

    private StepProgram CheckProgramIndex(int programIndex)
    {
        if ((uint)programIndex >= (uint)_programs.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(programIndex), programIndex, $"The batch holds {_programs.Count} program(s); add the program with AddProgram first.");
        }

        return _programs[programIndex].Source;
    }

    private static void CheckInputCount(StepProgram program, int count, string parameterName)
    {
        if (count != program.Parameters.Count)
        {
            throw new ArgumentException(
                $"Program {program.Id} takes {program.Parameters.Count} input(s) ({string.Join(", ", program.Parameters.Select(p => p.Name))}) but {count} were given.",
                parameterName);
        }
    }

    private static void CheckStateLength(StepProgram program, int length, string parameterName)
    {
        if (length < program.Parameters.Count || length > program.SlotCount)
        {
            throw new ArgumentException(
                $"A state of program {program.Id} holds its {program.Parameters.Count} input(s) and then 0 to {program.Steps.Count} step value(s); {length} value(s) were given.",
                parameterName);
        }
    }

    private static void CheckKind(StepProgram program, int slot, ValueKind kind)
    {
        if (program.SlotKind(slot) != kind)
        {
            throw new ArgumentException(
                $"Program {program.Id}: {program.SlotName(slot)} (slot {slot}) is {program.SlotKind(slot).ToCSharpKeyword()} but a {kind.ToCSharpKeyword()} was given for it.",
                nameof(kind));
        }
    }

    private static void ToBits(StepProgram program, IReadOnlyList<Value> inputs, Span<long> bits)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckInputCount(program, inputs.Count, nameof(inputs));
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Kind != program.Parameters[i].Kind)
            {
                throw new ArgumentException(
                    $"Input {program.Parameters[i].Name} of program {program.Id} is {program.Parameters[i].Kind.ToCSharpKeyword()} but a {inputs[i].Kind.ToCSharpKeyword()} was given.",
                    nameof(inputs));
            }

            bits[i] = inputs[i].Bits;
        }
    }

    /// <summary>Applies the out-of-domain policy to the next pair's true inputs.</summary>
    private void CheckDomain(int programIndex, ReadOnlySpan<long> inputBits)
    {
        var program = _programs[programIndex].Source;
        var outside = _bounds[programIndex].FirstOutside(program, inputBits);
        if (outside < 0)
        {
            return;
        }

        var pair = PairCount;
        if (OutOfDomain == OutOfDomainPolicy.Throw)
        {
            var parameter = program.Parameters[outside];
            throw new ArgumentOutOfRangeException(
                nameof(inputBits),
                $"Pair {pair}: input {parameter.Name} = {new Value(parameter.Kind, inputBits[outside])} of program {program.Id} is outside its declared domain {parameter.Domain}. " +
                "Sample inputs inside the [Domain], or build the batch with OutOfDomainPolicy.Fault to get InputOutOfDomain traces instead.");
        }

        _outOfDomain.Add(pair);
    }

    private Value[] ValuesAt(int pair, int offset)
    {
        var program = ProgramOf(pair);
        var values = new Value[program.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new Value(program.Parameters[i].Kind, _inputs[offset + i]);
        }

        return values;
    }
}
