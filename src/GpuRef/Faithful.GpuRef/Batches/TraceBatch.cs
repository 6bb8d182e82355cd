using System.Runtime.InteropServices;
using Faithful.GpuRef.Bytecode;
using Faithful.Model;

namespace Faithful.GpuRef.Batches;

/// <summary>
/// A batch of (program, inputs) pairs to evaluate together, programs of any lengths mixed. Every pair is
/// checked when it is added (input count, kinds, declared domains) and every program is compiled to
/// bytecode when first seen, so a batch that was built evaluates completely or not at all.
/// </summary>
public sealed class TraceBatch
{
    private readonly List<BytecodeProgram> _programs = [];
    private readonly List<DomainBounds> _bounds = [];
    private readonly Dictionary<StepProgram, int> _programIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<int> _pairPrograms = [];
    private readonly List<int> _inputOffsets = [];
    private readonly List<long> _inputs = [];
    private readonly HashSet<int> _outOfDomain = [];
    private ProgramTable? _table;

    public TraceBatch(OutOfDomainPolicy outOfDomain = OutOfDomainPolicy.Throw) => OutOfDomain = outOfDomain;

    public OutOfDomainPolicy OutOfDomain { get; }

    public int PairCount => _pairPrograms.Count;

    public IReadOnlyList<BytecodeProgram> Programs => _programs;

    /// <summary>The program table, built once after the last program was added.</summary>
    public ProgramTable Table => _table ??= new ProgramTable(_programs);

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
        ArgumentNullException.ThrowIfNull(inputs);
        var programIndex = AddProgram(program);
        if (inputs.Count != program.Parameters.Count)
        {
            throw new ArgumentException(
                $"Program {program.Id} takes {program.Parameters.Count} input(s) ({string.Join(", ", program.Parameters.Select(p => p.Name))}) but {inputs.Count} were given.",
                nameof(inputs));
        }

        Span<long> bits = inputs.Count <= 32 ? stackalloc long[inputs.Count] : new long[inputs.Count];
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
        if ((uint)programIndex >= (uint)_programs.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(programIndex), programIndex, $"The batch holds {_programs.Count} program(s); add the program with AddProgram first.");
        }

        var program = _programs[programIndex].Source;
        if (inputBits.Length != program.Parameters.Count)
        {
            throw new ArgumentException($"Program {program.Id} takes {program.Parameters.Count} input(s) but {inputBits.Length} were given.", nameof(inputBits));
        }

        var outside = _bounds[programIndex].FirstOutside(program, inputBits);
        var pair = _pairPrograms.Count;
        if (outside >= 0)
        {
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

        _pairPrograms.Add(programIndex);
        _inputOffsets.Add(_inputs.Count);
        foreach (var bits in inputBits)
        {
            _inputs.Add(bits);
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

    public IReadOnlyList<Value> InputsOf(int pair)
    {
        var program = ProgramOf(pair);
        var offset = _inputOffsets[pair];
        return program.Parameters.Select((p, i) => new Value(p.Kind, _inputs[offset + i])).ToArray();
    }

    public bool IsOutOfDomain(int pair) => _outOfDomain.Contains(pair);

    /// <summary>Whether any pair was kept under <see cref="OutOfDomainPolicy.Fault"/>.</summary>
    public bool HasOutOfDomainPairs => _outOfDomain.Count > 0;

    internal int InputOffsetOf(int pair) => _inputOffsets[pair];

    internal ReadOnlySpan<int> PairProgramSpan(int first, int count) => CollectionsMarshal.AsSpan(_pairPrograms).Slice(first, count);

    internal ReadOnlySpan<int> InputOffsetSpan(int first, int count) => CollectionsMarshal.AsSpan(_inputOffsets).Slice(first, count);

    internal int InputCellCount => _inputs.Count;

    internal long[] InputCells(int start, int count)
    {
        // ILGPU cannot allocate an empty buffer: a chunk of parameterless programs still gets one cell.
        var cells = new long[Math.Max(count, 1)];
        _inputs.CopyTo(start, cells, 0, count);
        return cells;
    }
}
