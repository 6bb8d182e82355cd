namespace Faithful.GpuRef.Kernels;

/// <summary>Where one program's bytecode, constants and step starts sit in the batch's shared tables.</summary>
public readonly struct ProgramHeader : IEquatable<ProgramHeader>
{
    public ProgramHeader(int codeStart, int constantStart, int stepStartsStart, int parameterCount, int stepCount, bool allowNonFinite)
    {
        CodeStart = codeStart;
        ConstantStart = constantStart;
        StepStartsStart = stepStartsStart;
        ParameterCount = parameterCount;
        StepCount = stepCount;
        AllowNonFinite = allowNonFinite ? 1 : 0;
    }

    public int CodeStart { get; }

    public int ConstantStart { get; }

    /// <summary>Where the program's <c>StepCount + 1</c> step starts (relative to <see cref="CodeStart"/>) begin in the step-start table.</summary>
    public int StepStartsStart { get; }

    public int ParameterCount { get; }

    public int StepCount { get; }

    /// <summary>1 when NaN and infinities are values, 0 when they fault (an int: kernels avoid bool fields).</summary>
    public int AllowNonFinite { get; }

    public bool Equals(ProgramHeader other) =>
        CodeStart == other.CodeStart && ConstantStart == other.ConstantStart && StepStartsStart == other.StepStartsStart
        && ParameterCount == other.ParameterCount && StepCount == other.StepCount && AllowNonFinite == other.AllowNonFinite;

    public override bool Equals(object? obj) => obj is ProgramHeader other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(CodeStart, ConstantStart, StepStartsStart, ParameterCount, StepCount, AllowNonFinite);

    public static bool operator ==(ProgramHeader left, ProgramHeader right) => left.Equals(right);

    public static bool operator !=(ProgramHeader left, ProgramHeader right) => !left.Equals(right);
}
