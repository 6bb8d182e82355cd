namespace Faithful.GpuRef.Kernels;

/// <summary>The scalar arguments of <see cref="TraceKernels.Evaluate"/>.</summary>
public readonly struct TraceKernelArguments : IEquatable<TraceKernelArguments>
{
    public TraceKernelArguments(int pairCount) => PairCount = pairCount;

    /// <summary>Pairs in this launch; threads past it (a grouped launch rounds up) do nothing.</summary>
    public int PairCount { get; }

    public bool Equals(TraceKernelArguments other) => PairCount == other.PairCount;

    public override bool Equals(object? obj) => obj is TraceKernelArguments other && Equals(other);

    public override int GetHashCode() => PairCount;

    public static bool operator ==(TraceKernelArguments left, TraceKernelArguments right) => left.Equals(right);

    public static bool operator !=(TraceKernelArguments left, TraceKernelArguments right) => !left.Equals(right);
}
