namespace Faithful.GpuRef.Kernels;

/// <summary>The scalar arguments of <see cref="TraceKernels.Evaluate"/>.</summary>
public readonly struct TraceKernelArguments : IEquatable<TraceKernelArguments>
{
    public TraceKernelArguments(int pairCount, int inputBase, long cellBase, int overrideBase, bool hasCounterfactuals)
    {
        PairCount = pairCount;
        InputBase = inputBase;
        CellBase = cellBase;
        OverrideBase = overrideBase;
        HasCounterfactuals = hasCounterfactuals ? 1 : 0;
    }

    /// <summary>Pairs in this launch; threads past it (a grouped launch rounds up) do nothing.</summary>
    public int PairCount { get; }

    /// <summary>The batch's input offset of the launch's first input: the input buffer holds the launch's inputs only.</summary>
    public int InputBase { get; }

    /// <summary>The batch's trace offset of the launch's first cell: the trace buffer holds the launch's rows only.</summary>
    public long CellBase { get; }

    /// <summary>The batch's index of the launch's first override.</summary>
    public int OverrideBase { get; }

    /// <summary>1 when the counterfactual cells are meaningful; 0 for a launch of plain pairs (its views are placeholders).</summary>
    public int HasCounterfactuals { get; }

    public bool Equals(TraceKernelArguments other) =>
        PairCount == other.PairCount && InputBase == other.InputBase && CellBase == other.CellBase
        && OverrideBase == other.OverrideBase && HasCounterfactuals == other.HasCounterfactuals;

    public override bool Equals(object? obj) => obj is TraceKernelArguments other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(PairCount, InputBase, CellBase, OverrideBase, HasCounterfactuals);

    public static bool operator ==(TraceKernelArguments left, TraceKernelArguments right) => left.Equals(right);

    public static bool operator !=(TraceKernelArguments left, TraceKernelArguments right) => !left.Equals(right);
}
