namespace Faithful.GpuRef.Kernels;

/// <summary>The result of one instruction: its bits, or a <see cref="Kernels.FaultCode"/>.</summary>
public readonly struct KernelOutcome : IEquatable<KernelOutcome>
{
    public KernelOutcome(long bits)
    {
        Bits = bits;
        FaultCode = Kernels.FaultCode.None;
    }

    private KernelOutcome(long bits, int faultCode)
    {
        Bits = bits;
        FaultCode = faultCode;
    }

    public long Bits { get; }

    public int FaultCode { get; }

    public static KernelOutcome Fault(int faultCode) => new(0, faultCode);

    public bool Equals(KernelOutcome other) => Bits == other.Bits && FaultCode == other.FaultCode;

    public override bool Equals(object? obj) => obj is KernelOutcome other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Bits, FaultCode);

    public static bool operator ==(KernelOutcome left, KernelOutcome right) => left.Equals(right);

    public static bool operator !=(KernelOutcome left, KernelOutcome right) => !left.Equals(right);
}
