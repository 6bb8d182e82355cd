using Faithful.Model;

namespace Faithful.GpuRef.Bytecode;

/// <summary>
/// A step program compiled to stack bytecode. Each step's code ends in a store that writes the step's
/// trace cell; the answer's code follows the last step and ends in an answer store.
/// </summary>
public sealed class BytecodeProgram
{
    internal BytecodeProgram(StepProgram source, int[] code, long[] constants, int[] stepStarts, int maxStackDepth)
    {
        Source = source;
        Code = code;
        Constants = constants;
        StepStarts = stepStarts;
        MaxStackDepth = maxStackDepth;
    }

    public StepProgram Source { get; }

    /// <summary>Instruction words; jump targets are indices into this array.</summary>
    public IReadOnlyList<int> Code { get; }

    /// <summary>Constant bits (longs, or doubles as their IEEE bits).</summary>
    public IReadOnlyList<long> Constants { get; }

    /// <summary>Where each step's code begins (and, last, the answer's): a counterfactual resumes there.</summary>
    public IReadOnlyList<int> StepStarts { get; }

    public int MaxStackDepth { get; }

    public int ParameterCount => Source.Parameters.Count;

    public int StepCount => Source.Steps.Count;

    /// <summary>Trace cells per pair: one per step plus the answer.</summary>
    public int TraceWidth => StepCount + 1;

    /// <summary>A readable listing, one instruction a line, for debugging and docs.</summary>
    public string Disassemble() => string.Join(
        '\n',
        Code.Select((word, i) => $"{i,4}: {Instruction.OpOf(word)} {Instruction.OperandOf(word)}"));
}
